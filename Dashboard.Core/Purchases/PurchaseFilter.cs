using System.Globalization;

namespace Dashboard.Core.Purchases;

/// <summary>
/// The filter of the customer-purchases screen: for each dimension the values kept (empty = all), as the text
/// the charts show (<see cref="PurchasesFrame.Label"/>): e.g. age band <c>26-35</c>, gender <c>F</c>, married
/// <c>Married</c>/<c>Single</c>, years in city <c>4+</c>. Parsed from and written to a URL query string.
/// </summary>
public sealed record PurchaseFilter
{
    public static readonly PurchaseFilter None = new();

    public IReadOnlyDictionary<PurchaseDimension, IReadOnlyList<string>> Values { get; init; } =
        new Dictionary<PurchaseDimension, IReadOnlyList<string>>();

    public static readonly IReadOnlyDictionary<PurchaseDimension, string> Keys = new Dictionary<PurchaseDimension, string>
    {
        [PurchaseDimension.AgeBand] = "age",
        [PurchaseDimension.Gender] = "gender",
        [PurchaseDimension.CityCategory] = "city",
        [PurchaseDimension.Occupation] = "occupation",
        [PurchaseDimension.Married] = "married",
        [PurchaseDimension.StayYears] = "stay",
        [PurchaseDimension.ProductCategory1] = "product1",
    };

    public IReadOnlyList<string> this[PurchaseDimension dimension] =>
        Values.TryGetValue(dimension, out var values) ? values : [];

    public static PurchaseFilter Parse(IEnumerable<KeyValuePair<string, string?>> query)
    {
        var values = new Dictionary<PurchaseDimension, IReadOnlyList<string>>();
        foreach (var (key, raw) in query)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }
            foreach (var (dimension, name) in Keys)
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    var list = values.TryGetValue(dimension, out var existing) ? (List<string>)existing : [];
                    if (!list.Contains(value, StringComparer.OrdinalIgnoreCase))
                    {
                        list.Add(value);
                    }
                    values[dimension] = list;
                }
            }
        }
        return new PurchaseFilter { Values = values };
    }

    public IEnumerable<KeyValuePair<string, string>> ToPairs() =>
        Enum.GetValues<PurchaseDimension>().SelectMany(d => this[d].Select(v => new KeyValuePair<string, string>(Keys[d], v)));

    public string ToQueryString() => Orders.OrderFilter.ToQueryString(ToPairs());

    /// <summary>Toggles one value of one dimension (what a click on a bar does).</summary>
    public PurchaseFilter Toggle(PurchaseDimension dimension, string value)
    {
        var values = new Dictionary<PurchaseDimension, IReadOnlyList<string>>(Values);
        var current = this[dimension];
        values[dimension] = current.Contains(value, StringComparer.OrdinalIgnoreCase)
            ? current.Where(v => !string.Equals(v, value, StringComparison.OrdinalIgnoreCase)).ToList()
            : [.. current, value];
        return new PurchaseFilter { Values = values };
    }

    public bool IsEmpty => Values.Values.All(v => v.Count == 0);

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
