namespace Dashboard.Core.Models.Training;

public enum TabularTask
{
    Regression,
    BinaryClassification,
}
