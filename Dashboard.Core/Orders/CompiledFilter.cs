
namespace Dashboard.Core.Orders;

/// <summary>
/// The one filter of the order queries (overview, weekly review, exports), compiled against one frame's dictionaries:
/// a lookup table per dimension, tested against the frame's code columns.
/// </summary>
internal sealed class CompiledFilter
{
    public CompiledFilter(IOrdersData s, OrderFilter f)
    {
        Category = Allowed(s.Categories, f.Categories);
        State = Allowed(s.States, f.States);
        Fulfilment = Allowed(s.Fulfilments, f.Fulfilments);
        Channel = Allowed(s.SalesChannels, f.SalesChannels);
        Service = Allowed(s.ServiceLevels, f.ServiceLevels);
        if (f.StatusGroups.Count > 0)
        {
            Status = new bool[Enum.GetValues<StatusGroup>().Length];
            foreach (var g in f.StatusGroups)
            {
                Status[(int)g] = true;
            }
        }
        if (f.Weekdays.Count > 0)
        {
            Weekday = new bool[7];
            foreach (var d in f.Weekdays)
            {
                Weekday[(int)d] = true;
            }
        }
        B2B = f.B2B;
        Currency = IOrdersData.CurrencyCode(s.Currencies, f.Currency ?? s.MainCurrency);
    }

    public bool[]? Category { get; }
    public bool[]? State { get; }
    public bool[]? Fulfilment { get; }
    public bool[]? Channel { get; }
    public bool[]? Service { get; }
    public bool[]? Status { get; }
    public bool[]? Weekday { get; }
    public bool? B2B { get; }
    public int Currency { get; }

    private static bool[]? Allowed(IReadOnlyList<string> names, IReadOnlyList<string> wanted)
    {
        if (wanted.Count == 0)
        {
            return null;
        }
        var allowed = new bool[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            allowed[i] = wanted.Contains(names[i], StringComparer.OrdinalIgnoreCase);
        }
        return allowed;
    }
}
