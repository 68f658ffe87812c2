namespace Dashboard.Core.Models.Training;

public enum ExplanationScale
{
    Identity,
    LogOdds,
}
