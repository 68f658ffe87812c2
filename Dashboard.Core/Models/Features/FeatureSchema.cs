using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Features;

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
