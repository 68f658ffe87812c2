using System.Data.Common;
using System.Globalization;
using System.Text;
using Dashboard.Core.Analytics.Frames;
using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Orders.Rollup;

/// <summary>
/// The order screens' data past <see cref="Analytics.AnalyticsOptions.FrameMaxLines"/>: what the daily rollup says of the whole
/// store (dates, the values of each dimension, the main currency), and slices of it read on demand for one filter
/// (<see cref="ReadAsync"/>), which <see cref="RollupScan"/> groups as the frame's scans group lines.
/// </summary>
public sealed class OrdersRollup : IOrdersData
{
    private readonly IDbContextFactory<DashboardDbContext> _contexts;
    private readonly Dictionary<string, short> _categoryCodes;
    private readonly Dictionary<string, short> _stateCodes;

    private OrdersRollup(IDbContextFactory<DashboardDbContext> contexts, IReadOnlyList<string> categories, IReadOnlyList<string> states)
    {
        _contexts = contexts;
        Categories = categories;
        States = states;
        _categoryCodes = Codes(categories);
        _stateCodes = Codes(states);
    }

    public long Version { get; private init; }
    public long StoredVersion { get; private init; }
    public int Count { get; private init; }
    public string Source => "the store's daily rollup";
    public DateOnly? MinDate { get; private init; }
    public DateOnly? MaxDate { get; private init; }
    public string? MainCurrency { get; private init; }
    public IReadOnlyList<string> Categories { get; }
    public IReadOnlyList<string> States { get; }
    public IReadOnlyList<string> Fulfilments { get; private init; } = [];
    public IReadOnlyList<string> SalesChannels { get; private init; } = [];
    public IReadOnlyList<string> ServiceLevels { get; private init; } = [];
    public IReadOnlyList<string> Currencies { get; private init; } = [];

    /// <summary>Order lines the rollup counts, in the read transaction (what decides between frame and rollup).</summary>
    internal static async Task<long> CountLinesAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.Command("SELECT COALESCE(SUM(lines), 0) FROM rollup_cells;", transaction);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The rollup's summary, read in the caller's read transaction: one pass over the cells grouped by the dimensions it
    /// lists (a few thousand rows), the lists sorted by name.
    /// </summary>
    internal static async Task<OrdersRollup> LoadAsync(IDbContextFactory<DashboardDbContext> contexts, DbConnection connection,
        DbTransaction transaction, long version, long storedVersion, CancellationToken cancellationToken)
    {
        var (categories, states, fulfilments, channels, services) = (new SortedSet<string>(StringComparer.Ordinal),
            new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal),
            new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
        var linesByCurrency = new SortedDictionary<string, long>(StringComparer.Ordinal);
        string? min = null, max = null;
        await using (var command = connection.Command("""
            SELECT category, state, fulfilment, sales_channel, service_level, currency, SUM(lines), MIN(day), MAX(day)
            FROM rollup_cells GROUP BY category, state, fulfilment, sales_channel, service_level, currency;
            """, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                categories.Add(reader.GetString(0));
                states.Add(reader.GetString(1));
                fulfilments.Add(reader.GetString(2));
                channels.Add(reader.GetString(3));
                services.Add(reader.GetString(4));
                var currency = reader.GetString(5);
                linesByCurrency[currency] = linesByCurrency.GetValueOrDefault(currency) + Long(reader, 6);
                var (first, last) = (reader.GetString(7), reader.GetString(8));
                min = min is null || string.CompareOrdinal(first, min) < 0 ? first : min;
                max = max is null || string.CompareOrdinal(last, max) > 0 ? last : max;
            }
        }
        // The currency most lines carry ('' is a line without one); of two with as many, the first by name.
        var currencies = linesByCurrency.Where(c => c.Key.Length > 0).ToList();
        var main = currencies.Count == 0 ? null : currencies.MaxBy(c => c.Value).Key;
        return new OrdersRollup(contexts, [.. categories], [.. states])
        {
            Version = version,
            StoredVersion = storedVersion,
            Count = checked((int)linesByCurrency.Values.Sum()),
            MinDate = min is null ? null : OrdersFrame.ParseDate(min),
            MaxDate = max is null ? null : OrdersFrame.ParseDate(max),
            MainCurrency = main,
            Fulfilments = [.. fulfilments],
            SalesChannels = [.. channels],
            ServiceLevels = [.. services],
            Currencies = currencies.Select(c => c.Key).ToList(),
        };
    }

    /// <summary>
    /// The rollup between two days (inclusive) that passes the filter's dimensions other than category and weekday,
    /// grouped by day, category (and state, when <paramref name="byState"/>) and the kind of line; null when the store has
    /// changed since this summary was read (the caller asks for a new one).
    /// </summary>
    internal async Task<RollupSlice?> ReadAsync(CompiledFilter f, DateOnly from, DateOnly to, bool byState, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await FrameStore.ReadAsync(db, async (connection, transaction, stored) =>
        {
            if (stored != StoredVersion)
            {
                return null;
            }
            var slice = new RollupSlice();
            var groups = byState ? "day, category, state" : "day, category";
            var positions = byState ? "1, 2, 3, 4" : "1, 2, 3";
            var (where, parameters) = Where(f, from, to);
            // The kind of a line: 0 cancelled, 1 in the chosen currency, 2 without a currency, 3 in another currency.
            var kind = "CASE WHEN status_group = @cancelled THEN 0 WHEN currency = '' THEN 2 WHEN currency = @currency THEN 1 ELSE 3 END";

            await using (var cells = connection.Command($"""
                SELECT {groups}, {kind}, SUM(lines), SUM(units), SUM(amount_minor), SUM(orders)
                FROM rollup_cells WHERE {where}
                GROUP BY {positions};
                """, transaction))
            {
                parameters(cells);
                await using var reader = await cells.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (!Cell(reader, byState, out var day, out var category, out var state))
                    {
                        return null;
                    }
                    var at = byState ? 3 : 2;
                    slice.Cells.Add(new RollupCell(day, category, state, (byte)reader.GetInt32(at),
                        checked((int)Long(reader, at + 1)), Long(reader, at + 2), Long(reader, at + 3), checked((int)Long(reader, at + 4))));
                }
            }
            await using (var shapes = connection.Command($"""
                SELECT DISTINCT shape, orders, {groups}, {kind}
                FROM rollup_shapes WHERE {where}
                ORDER BY shape;
                """, transaction))
            {
                parameters(shapes);
                await using var reader = await shapes.ExecuteReaderAsync(cancellationToken);
                string? last = null;
                var run = -1;
                while (await reader.ReadAsync(cancellationToken))
                {
                    var shape = reader.GetString(0);
                    if (shape != last)
                    {
                        (last, run) = (shape, run + 1);
                    }
                    // The shape's columns come first: the cell's are read from column 2 on.
                    if (!Cell(reader, byState, out var day, out var category, out var state, first: 2))
                    {
                        return null;
                    }
                    slice.Shapes.Add(new RollupShapeCell(run, checked((int)Long(reader, 1)), day, category, state, (byte)reader.GetInt32(byState ? 5 : 4)));
                }
            }
            return slice;
        }, cancellationToken);

        bool Cell(DbDataReader reader, bool withState, out int day, out short category, out short state, int first = 0)
        {
            day = OrdersFrame.ParseDate(reader.GetString(first)).DayNumber;
            state = -1;
            return _categoryCodes.TryGetValue(reader.GetString(first + 1), out category) &&
                (!withState || _stateCodes.TryGetValue(reader.GetString(first + 2), out state));
        }
    }

    /// <summary>The fused pass (<see cref="RollupScan.Overview"/>) over one slice of the shown and the previous period.</summary>
    async Task<OverviewGroups?> IOrdersData.OverviewAsync(CompiledFilter f, OverviewLayout layout, CancellationToken cancellationToken) =>
        await ReadAsync(f, DateOnly.FromDayNumber(layout.PreviousFirstDay), DateOnly.FromDayNumber(layout.LastDay), byState: false, cancellationToken)
            is { } slice ? RollupScan.Overview(this, slice, f, layout) : null;

    /// <summary>One slice from the first request's first day to the last one's last day, grouped as each request asks (<see cref="RollupScan.Run"/>).</summary>
    async Task<IReadOnlyList<GroupMeasures>?> IOrdersData.MeasureAsync(CompiledFilter f, IReadOnlyList<MeasuresRequest> requests, CancellationToken cancellationToken)
    {
        var byState = requests.Any(q => q.By == LineGrouping.State);
        if (await ReadAsync(f, requests.Min(q => q.Range.From), requests.Max(q => q.Range.To), byState, cancellationToken) is not { } slice)
        {
            return null;
        }
        return requests.Select(q => RollupScan.Run(slice, f, q.Range.From.DayNumber, q.Range.To.DayNumber, q.Keys, (day, category, state) => q.By switch
        {
            LineGrouping.Category => category,
            LineGrouping.State => state,
            LineGrouping.Day => q.KeyOfDay![day - q.Range.From.DayNumber],
            _ => 0,
        })).ToList();
    }

    /// <inheritdoc/>
    public Task<bool> StreamLinesAsync(Rows.RowsRequest request, Lines.LinesDownload download, CancellationToken cancellationToken) =>
        Lines.StoreLines.StreamAsync(this, request, download, cancellationToken);

    /// <summary>The rollup keeps no lines: the store sorts them.</summary>
    int[]? IOrdersData.PageIds(CompiledFilter f, DateRange range, Rows.RowsRequest request) => null;

    /// <summary>
    /// The SQL condition of a date range and the filter's dimensions other than weekday and category, over
    /// <c>rollup_cells</c> and <c>rollup_shapes</c> (the lines' own condition is <see cref="Rows.RowsWhere"/>).
    /// </summary>
    private (string Where, Action<DbCommand> Parameters) Where(CompiledFilter f, DateOnly from, DateOnly to)
    {
        var sql = new StringBuilder("day >= @from AND day <= @to");
        var values = new List<(string Name, object Value)>
        {
            ("@from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("@to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("@cancelled", nameof(StatusGroup.Cancelled)),
            ("@currency", f.Currency >= 0 ? Currencies[f.Currency] : ""),
        };
        void In(string column, string prefix, bool[]? allowed, IReadOnlyList<string> names)
        {
            if (allowed is null)
            {
                return;
            }
            var picked = Enumerable.Range(0, names.Count).Where(i => allowed[i]).ToList();
            if (picked.Count == 0)
            {
                sql.Append(" AND FALSE");
                return;
            }
            sql.Append(CultureInfo.InvariantCulture, $" AND {column} IN (");
            for (var i = 0; i < picked.Count; i++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{i}");
                sql.Append(i == 0 ? "" : ", ").Append(name);
                values.Add((name, names[picked[i]]));
            }
            sql.Append(')');
        }
        In("state", "state", f.State, States);
        In("status_group", "status", f.Status, Enum.GetNames<StatusGroup>());
        In("fulfilment", "fulfilment", f.Fulfilment, Fulfilments);
        In("sales_channel", "channel", f.Channel, SalesChannels);
        In("service_level", "service", f.Service, ServiceLevels);
        if (f.B2B is { } b2b)
        {
            sql.Append(" AND b2b = @b2b");
            values.Add(("@b2b", b2b));
        }
        return (sql.ToString(), command =>
        {
            foreach (var (name, value) in values)
            {
                command.With(name, value);
            }
        });
    }

    /// <summary>A sum (PostgreSQL's SUM of bigint is numeric) as a long.</summary>
    private static long Long(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? 0 : Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    /// <summary>Each name's index in <paramref name="names"/>: a coded column's code.</summary>
    internal static Dictionary<string, short> Codes(IReadOnlyList<string> names)
    {
        var codes = new Dictionary<string, short>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            codes[names[i]] = checked((short)i);
        }
        return codes;
    }
}
