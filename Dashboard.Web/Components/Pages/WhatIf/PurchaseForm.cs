using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Scoring;

namespace Dashboard.Web.Components.Pages.WhatIf;

/// <summary>The purchase form's state; the IDs are optional.</summary>
public sealed class PurchaseForm
{
    public int? UserId { get; set; }
    public string? ProductId { get; set; }
    public string Gender { get; set; } = "M";
    public string AgeBand { get; set; } = "26-35";
    public int Occupation { get; set; }
    public string CityCategory { get; set; } = "B";
    public int StayYears { get; set; } = 1;
    public bool Married { get; set; }
    public int ProductCategory1 { get; set; } = 1;
    public int? ProductCategory2 { get; set; }
    public int? ProductCategory3 { get; set; }

    public static PurchaseForm From(PurchaseInput i) => new()
    {
        UserId = i.UserId, ProductId = i.ProductId, Gender = i.Gender ?? "M", AgeBand = i.AgeBand ?? "26-35", Occupation = i.Occupation,
        CityCategory = i.CityCategory ?? "B", StayYears = i.StayYears, Married = i.Married, ProductCategory1 = i.ProductCategory1,
        ProductCategory2 = i.ProductCategory2, ProductCategory3 = i.ProductCategory3,
    };

    /// <summary>The question the form asks, for <see cref="WhatIfValidator"/> to check.</summary>
    public PurchaseRequest ToRequest() => new()
    {
        UserId = UserId, ProductId = string.IsNullOrWhiteSpace(ProductId) ? null : ProductId.Trim(), Gender = Gender, AgeBand = AgeBand,
        Occupation = Occupation, CityCategory = CityCategory, StayYears = StayYears, Married = Married, ProductCategory1 = ProductCategory1,
        ProductCategory2 = ProductCategory2, ProductCategory3 = ProductCategory3,
    };
}
