
namespace Dashboard.Core.Models.Features;

/// <summary>Switches of the cancellation feature pipeline.</summary>
public sealed record CancellationFeatureOptions
{
    /// <summary>Reads <c>promotion-ids</c> as an input. Off by default: in the real data it behaves like an outcome
    /// (lines without a promotion are cancelled about 37% of the time, lines with one 0.4%); on only to show the leakage check at work.</summary>
    public bool IncludePromotionIds { get; init; }
    /// <summary>Levels rarer than this (in training) of the small categoricals fall into "(other)".</summary>
    public int MinLevelCount { get; init; } = 20;
    /// <summary>Pseudo-count m of the city target encoding.</summary>
    public double CitySmoothing { get; init; } = 20;
    public int EncodingFolds { get; init; } = 5;
    public int Seed { get; init; } = 42;
}
