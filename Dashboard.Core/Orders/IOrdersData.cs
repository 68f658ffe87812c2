namespace Dashboard.Core.Orders;

/// <summary>
/// What the order screens read, in one state of the store: the lines themselves as an in-memory frame
/// (<see cref="OrdersFrame"/>) up to <see cref="Analytics.AnalyticsOptions.FrameMaxLines"/>, and past that the daily rollup the store
/// keeps (<see cref="Rollup.OrdersRollup"/>). Both name the values of each dimension, which a filter is compiled against,
/// and both answer the queries' two kinds of question (<see cref="OverviewAsync"/>, <see cref="MeasureAsync"/>): the
/// queries never ask which of the two they hold.
/// </summary>
public interface IOrdersData
{
    /// <summary>The process's data version it was read at (<see cref="Data.DataVersion.Current"/>).</summary>
    long Version { get; }

    /// <summary>The store's change count it was read at.</summary>
    long StoredVersion { get; }

    /// <summary>Order lines.</summary>
    int Count { get; }

    /// <summary>Where the lines are read from, for an operator's log: "in memory", or the store's daily rollup.</summary>
    string Source { get; }

    DateOnly? MinDate { get; }
    DateOnly? MaxDate { get; }

    /// <summary>The currency most lines carry; the overview's money is in it unless the filter names another.</summary>
    string? MainCurrency { get; }

    IReadOnlyList<string> Categories { get; }
    /// <summary>States, '' standing for lines without one.</summary>
    IReadOnlyList<string> States { get; }
    IReadOnlyList<string> Fulfilments { get; }
    IReadOnlyList<string> SalesChannels { get; }
    IReadOnlyList<string> ServiceLevels { get; }
    IReadOnlyList<string> Currencies { get; }

    /// <summary>
    /// The groups of the overview's one fused pass (KPIs of the shown and the previous period, and the four charts) for
    /// <paramref name="layout"/>; null when the store has moved on from this state (the caller asks for a new one).
    /// </summary>
    internal Task<OverviewGroups?> OverviewAsync(CompiledFilter f, OverviewLayout layout, CancellationToken cancellationToken);

    /// <summary>
    /// The measures of the lines that pass the whole filter, one <see cref="GroupMeasures"/> per request, in their order,
    /// read together (the rollup reads one slice that covers them all); null when the store has moved on from this state.
    /// </summary>
    internal Task<IReadOnlyList<GroupMeasures>?> MeasureAsync(CompiledFilter f, IReadOnlyList<MeasuresRequest> requests, CancellationToken cancellationToken);

    /// <summary>
    /// Hands the order lines <paramref name="request"/> selects (its filter and search; all of them, whatever its offset and
    /// limit) to the download's writer in its sort, a batch at a time as they are read, all in this state of the store;
    /// false, with nothing handed over, when the store has moved on from it.
    /// </summary>
    Task<bool> StreamLinesAsync(Rows.RowsRequest request, Lines.LinesDownload download, CancellationToken cancellationToken);

    /// <summary>
    /// The store ids of the page <paramref name="request"/> asks for (its search aside), in its sort, when this data can sort
    /// the lines itself; null when the store must (the rollup keeps no lines; the frame keeps no free text).
    /// </summary>
    internal int[]? PageIds(CompiledFilter f, DateRange range, Rows.RowsRequest request);

    /// <summary>The index of <paramref name="currency"/> in <paramref name="currencies"/> (ignoring case), or -2 when no line has it.</summary>
    internal static int CurrencyCode(IReadOnlyList<string> currencies, string? currency)
    {
        if (currency is null)
        {
            return -2;
        }
        for (var i = 0; i < currencies.Count; i++)
        {
            if (string.Equals(currencies[i], currency, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -2;
    }
}
