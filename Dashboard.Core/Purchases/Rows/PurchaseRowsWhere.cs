using Dashboard.Core.Paging;

namespace Dashboard.Core.Purchases.Rows;

/// <summary>
/// The SQL condition on <c>purchases</c> of a purchase filter and a search prefix: the labelled transactions whose
/// dimensions' labels (<see cref="PurchasesFrame.Label"/>: married as Married/Single, stay 4 years or more as 4+) are the
/// filter's, ignoring case, as the purchases screen compares them.
/// </summary>
internal sealed class PurchaseRowsWhere : SqlCondition
{
    public PurchaseRowsWhere(PurchaseFilter filter, string? prefix)
        : base("purchase IS NOT NULL")
    {
        foreach (var dimension in Enum.GetValues<PurchaseDimension>())
        {
            if (filter[dimension] is { Count: > 0 } wanted)
            {
                In($"UPPER({LabelOf(dimension)})", PurchaseFilter.Keys[dimension], [.. wanted.Select(v => (object)v.ToUpperInvariant())]);
            }
        }
        if (prefix is not null)
        {
            StartsWith(["CAST(user_id AS TEXT)", "product_id"], prefix);
        }
    }

    /// <summary>A dimension's label in SQL, as <see cref="PurchasesFrame.Label"/> writes it.</summary>
    private static string LabelOf(PurchaseDimension dimension) => dimension switch
    {
        PurchaseDimension.AgeBand => "age_band",
        PurchaseDimension.Gender => "gender",
        PurchaseDimension.CityCategory => "city_category",
        PurchaseDimension.Occupation => "CAST(occupation AS TEXT)",
        PurchaseDimension.Married => "CASE WHEN married = TRUE THEN 'Married' ELSE 'Single' END",
        PurchaseDimension.StayYears => "CASE WHEN stay_years >= 4 THEN '4+' ELSE CAST(stay_years AS TEXT) END",
        PurchaseDimension.ProductCategory1 => "CAST(product_category_1 AS TEXT)",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };
}
