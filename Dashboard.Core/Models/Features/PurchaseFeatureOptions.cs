
namespace Dashboard.Core.Models.Features;

/// <summary>Switches of the purchase feature pipeline.</summary>
public sealed record PurchaseFeatureOptions
{
    /// <summary>Pseudo-count m of the user / product target encodings.</summary>
    public double IdSmoothing { get; init; } = 10;
    /// <summary>The IDs are used only when at least this share of the training rows carries them.</summary>
    public double MinIdCoverage { get; init; } = 0.5;
    public int EncodingFolds { get; init; } = 5;
    public int Seed { get; init; } = 42;
}
