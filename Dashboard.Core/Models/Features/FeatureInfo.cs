using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Features;

/// <summary>One input column of a feature vector.</summary>
public sealed record FeatureInfo(string Name, FeatureKind Kind, IReadOnlyList<string>? Levels = null)
{
    [JsonIgnore]
    public int LevelCount => Levels?.Count ?? 0;
}
