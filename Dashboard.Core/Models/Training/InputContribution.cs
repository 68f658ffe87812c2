
namespace Dashboard.Core.Models.Training;

/// <summary>The contribution of one form input (several feature columns may belong to one input, e.g. a city's rate and frequency).</summary>
public sealed record InputContribution(string Input, double Contribution);
