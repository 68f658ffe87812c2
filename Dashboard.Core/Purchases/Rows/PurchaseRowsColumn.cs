namespace Dashboard.Core.Purchases.Rows;

/// <summary>A column of the purchase rows and of <c>/api/purchases/rows</c>; <see cref="PurchaseRowsColumns.KeyOf"/> gives its API name.</summary>
public enum PurchaseRowsColumn
{
    UserId,
    ProductId,
    Gender,
    AgeBand,
    Occupation,
    CityCategory,
    StayYears,
    Married,
    ProductCategory1,
    ProductCategory2,
    ProductCategory3,
    Purchase,
}
