
namespace Dashboard.Core.Models.Training;

/// <summary>An input that on its own gives the label away: a leak to remove, not a triumph.</summary>
public sealed record LeakageWarning(string Feature, string Input, double Score, string Reason);
