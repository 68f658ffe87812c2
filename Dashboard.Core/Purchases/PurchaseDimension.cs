
namespace Dashboard.Core.Purchases;

/// <summary>The demographic dimensions of a purchase transaction, each a chart and a filter of the purchases screen.</summary>
public enum PurchaseDimension
{
    AgeBand,
    Gender,
    CityCategory,
    Occupation,
    Married,
    StayYears,
    ProductCategory1,
}
