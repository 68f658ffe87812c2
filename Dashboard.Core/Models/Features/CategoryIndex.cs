using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Features;

/// <summary>
/// The levels of a small categorical input, learnt from training rows: levels seen at least <c>minCount</c> times,
/// then <see cref="OtherLevel"/> for the rare ones. A missing value (null or blank) has no level: it is encoded as NaN
/// and handled explicitly by the trainers (its own bin / column). A value never seen in training counts as rare.
/// </summary>
public sealed class CategoryIndex
{
    public const string OtherLevel = "(other)";
    private readonly Dictionary<string, int> _codes;

    [JsonConstructor]
    public CategoryIndex(IReadOnlyList<string> levels)
    {
        Levels = levels;
        _codes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < levels.Count; i++)
            _codes[levels[i]] = i;
    }

    public IReadOnlyList<string> Levels { get; }

    public static CategoryIndex Fit(IEnumerable<string?> values, int minCount = 1, IReadOnlyList<string>? order = null)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var key = Normalise(value);
            if (key is not null)
                counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        var kept = counts.Where(p => p.Value >= minCount).Select(p => p.Key);
        var levels = order is null
            ? kept.Order(StringComparer.Ordinal).ToList()
            : order.Where(counts.ContainsKey).Concat(kept.Except(order).Order(StringComparer.Ordinal)).ToList();
        levels.Add(OtherLevel);
        return new CategoryIndex(levels);
    }

    public float Code(string? value)
    {
        var key = Normalise(value);
        if (key is null)
            return float.NaN;
        return _codes.TryGetValue(key, out var code) ? code : _codes[OtherLevel];
    }

    public static string? Normalise(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
