using System.Data.Common;
using System.Globalization;
using System.Text;
using Dashboard.Core.Data;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// The SQL condition on <c>order_lines</c> of a compiled filter (every dimension, the weekday included), a date range and
/// a search prefix, with its parameters; the same lines the frame's scans pass, the filter's names resolved against the
/// data's own names as <see cref="CompiledFilter"/> resolves them.
/// </summary>
internal sealed class RowsWhere
{
    private readonly StringBuilder _sql = new("order_date >= @from AND order_date <= @to");
    private readonly List<(string Name, object Value)> _values = [];

    public RowsWhere(StoreKind kind, IOrdersData s, CompiledFilter f, DateRange range, string? prefix)
    {
        _values.Add(("@from", range.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        _values.Add(("@to", range.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        _values.Add(("@cancelled", nameof(StatusGroup.Cancelled)));
        _values.Add(("@currency", f.Currency >= 0 ? s.Currencies[f.Currency] : ""));
        In("category", "category", f.Category, s.Categories);
        In("COALESCE(state, '')", "state", f.State, s.States);
        In("status_group", "status", f.Status, Enum.GetNames<StatusGroup>());
        In("fulfilment", "fulfilment", f.Fulfilment, s.Fulfilments);
        In("sales_channel", "channel", f.Channel, s.SalesChannels);
        In("service_level", "service", f.Service, s.ServiceLevels);
        if (f.B2B is { } b2b)
        {
            _sql.Append(" AND b2b = @b2b");
            _values.Add(("@b2b", b2b));
        }
        if (f.Weekday is { } weekdays)
        {
            var days = Enumerable.Range(0, 7).Where(d => weekdays[d]).Select(d => d.ToString(CultureInfo.InvariantCulture));
            _sql.Append(CultureInfo.InvariantCulture, $" AND {kind.WeekdayOf("order_date")} IN ({string.Join(", ", days)})");
        }
        if (prefix is not null)
        {
            // A prefix, ignoring case: the same comparison on both stores (LIKE ignores case on SQLite only).
            _sql.Append(" AND (UPPER(SUBSTR(order_id, 1, @qn)) = @q OR UPPER(SUBSTR(sku, 1, @qn)) = @q OR UPPER(SUBSTR(city, 1, @qn)) = @q)");
            _values.Add(("@q", prefix.ToUpperInvariant()));
            _values.Add(("@qn", prefix.Length));
        }
    }

    public string Sql => _sql.ToString();

    public void Bind(DbCommand command)
    {
        foreach (var (name, value) in _values)
        {
            command.With(name, value);
        }
    }

    private void In(string column, string prefix, bool[]? allowed, IReadOnlyList<string> names)
    {
        if (allowed is null)
        {
            return;
        }
        var picked = Enumerable.Range(0, names.Count).Where(i => allowed[i]).ToList();
        if (picked.Count == 0)
        {
            _sql.Append(" AND FALSE");
            return;
        }
        _sql.Append(CultureInfo.InvariantCulture, $" AND {column} IN (");
        for (var i = 0; i < picked.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@{prefix}{i}");
            _sql.Append(i == 0 ? "" : ", ").Append(name);
            _values.Add((name, names[picked[i]]));
        }
        _sql.Append(')');
    }
}
