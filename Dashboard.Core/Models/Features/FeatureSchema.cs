using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Features;

/// <summary>How a feature column is to be read by a trainer.</summary>
public enum FeatureKind
{
    /// <summary>A number; <see cref="float.NaN"/> means missing.</summary>
    Numeric,

    /// <summary>A category code 0..Levels.Count-1 stored as a float; <see cref="float.NaN"/> means missing or unseen.</summary>
    Categorical,
}

/// <summary>One input column of a feature vector.</summary>
public sealed record FeatureInfo(string Name, FeatureKind Kind, IReadOnlyList<string>? Levels = null)
{
    [JsonIgnore]
    public int LevelCount => Levels?.Count ?? 0;
}

/// <summary>The ordered columns of the feature vectors a model reads.</summary>
public sealed class FeatureSchema
{
    public FeatureSchema(IReadOnlyList<FeatureInfo> features)
    {
        Features = features;
    }

    public IReadOnlyList<FeatureInfo> Features { get; }

    [JsonIgnore]
    public int Count => Features.Count;

    [JsonIgnore]
    public IEnumerable<string> Names => Features.Select(f => f.Name);

    public int IndexOf(string name)
    {
        for (var i = 0; i < Features.Count; i++)
        {
            if (Features[i].Name == name)
                return i;
        }
        return -1;
    }
}
