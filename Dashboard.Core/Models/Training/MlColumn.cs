namespace Dashboard.Core.Models.Training;

/// <summary>What a column of <see cref="MlLayout.InputSchema"/> holds.</summary>
internal enum MlColumn
{
    Label,
    Positive,
    Key,
    Numeric,
}
