using Dashboard.Core.Purchases;

namespace Dashboard.Core.Models.Features;

/// <summary>The customer and product attributes the purchase model reads; the IDs are optional.</summary>
public sealed record PurchaseInput
{
    public int? UserId { get; init; }
    public string? ProductId { get; init; }
    public string? Gender { get; init; }
    public string? AgeBand { get; init; }
    public int Occupation { get; init; }
    public string? CityCategory { get; init; }
    public int StayYears { get; init; }
    public bool Married { get; init; }
    public int ProductCategory1 { get; init; }
    public int? ProductCategory2 { get; init; }
    public int? ProductCategory3 { get; init; }

    public static PurchaseInput From(PurchaseTransaction t) => new()
    {
        UserId = t.UserId,
        ProductId = t.ProductId,
        Gender = t.Gender,
        AgeBand = t.AgeBand,
        Occupation = t.Occupation,
        CityCategory = t.CityCategory,
        StayYears = t.StayYears,
        Married = t.Married,
        ProductCategory1 = t.ProductCategory1,
        ProductCategory2 = t.ProductCategory2,
        ProductCategory3 = t.ProductCategory3,
    };
}
