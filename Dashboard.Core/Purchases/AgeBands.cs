namespace Dashboard.Core.Purchases;

public static class AgeBands
{
    public static readonly IReadOnlyList<string> All = ["0-17", "18-25", "26-35", "36-45", "46-50", "51-55", "55+"];
}
