namespace Dashboard.Core.Purchases;

/// <summary>
/// One customer purchase transaction (the "Black Friday" format). <see cref="Purchase"/> is null for rows
/// imported from a file to score.
/// </summary>
public sealed class PurchaseTransaction
{
    public long Id { get; set; }
    public int? UserId { get; set; }
    public string? ProductId { get; set; }
    /// <summary><c>F</c> or <c>M</c>.</summary>
    public required string Gender { get; set; }
    /// <summary>One of <see cref="AgeBands.All"/>, e.g. <c>26-35</c> or <c>55+</c>.</summary>
    public required string AgeBand { get; set; }
    public int Occupation { get; set; }
    /// <summary><c>A</c>, <c>B</c> or <c>C</c>.</summary>
    public required string CityCategory { get; set; }
    /// <summary>Years in the current city, 0 to 4, where 4 stands for the export's <c>4+</c>.</summary>
    public int StayYears { get; set; }
    public bool Married { get; set; }
    public int ProductCategory1 { get; set; }
    public int? ProductCategory2 { get; set; }
    public int? ProductCategory3 { get; set; }
    public int? Purchase { get; set; }
    public bool IsToScore { get; set; }
    public bool IsSample { get; set; }
    public long BatchId { get; set; }
    /// <summary>The data row number in the source file (1 = first row after the header).</summary>
    public int SourceRow { get; set; }
}
