
namespace Dashboard.Core.Models.Features;

/// <summary>How a feature column is to be read by a trainer.</summary>
public enum FeatureKind
{
    /// <summary>A number; <see cref="float.NaN"/> means missing.</summary>
    Numeric,

    /// <summary>A category code 0..Levels.Count-1 stored as a float; <see cref="float.NaN"/> means missing or unseen.</summary>
    Categorical,
}
