namespace Dashboard.Core.Orders;

/// <summary>
/// What the order screens read, in one state of the store: the lines themselves as an in-memory frame
/// (<see cref="OrdersFrame"/>) up to <see cref="Analytics.AnalyticsOptions.FrameMaxLines"/>, and past that the daily rollup the store
/// keeps (<see cref="Rollup.OrdersRollup"/>). Both name the values of each dimension, which a filter is compiled against.
/// </summary>
public interface IOrdersData
{
    /// <summary>The process's data version it was read at (<see cref="Data.DataVersion.Current"/>).</summary>
    long Version { get; }

    /// <summary>The store's change count it was read at.</summary>
    long StoredVersion { get; }

    /// <summary>Order lines.</summary>
    int Count { get; }

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
    /// Hands the order lines <paramref name="filter"/> selects to the download's writer, a batch at a time as they are read,
    /// all in this state of the store; false, with nothing handed over, when the store has moved on from it.
    /// </summary>
    Task<bool> StreamLinesAsync(OrderFilter filter, Lines.LinesDownload download, CancellationToken cancellationToken);

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
