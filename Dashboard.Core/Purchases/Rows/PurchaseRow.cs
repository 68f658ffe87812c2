namespace Dashboard.Core.Purchases.Rows;

/// <summary>One labelled purchase transaction as the rows page, the API and the exports show it. <paramref name="Id"/> is the store's row id.</summary>
public sealed record PurchaseRow(
    long Id,
    int? UserId,
    string? ProductId,
    string Gender,
    string AgeBand,
    int Occupation,
    string CityCategory,
    int StayYears,
    bool Married,
    int ProductCategory1,
    int? ProductCategory2,
    int? ProductCategory3,
    int Purchase);
