using System.Data.Common;
using System.Globalization;
using System.Text;
using Dashboard.Core.Data;

namespace Dashboard.Core.Purchases.Rows;

/// <summary>
/// The SQL condition on <c>purchases</c> of a purchase filter and a search prefix: the labelled transactions whose
/// dimensions' labels (<see cref="PurchasesFrame.Label"/>: married as Married/Single, stay 4 years or more as 4+) are the
/// filter's, ignoring case, as the purchases screen compares them.
/// </summary>
internal sealed class PurchaseRowsWhere
{
    private readonly StringBuilder _sql = new("purchase IS NOT NULL");
    private readonly List<(string Name, object Value)> _values = [];

    public PurchaseRowsWhere(PurchaseFilter filter, string? prefix)
    {
        foreach (var dimension in Enum.GetValues<PurchaseDimension>())
        {
            var wanted = filter[dimension];
            if (wanted.Count == 0)
            {
                continue;
            }
            var names = wanted.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@{PurchaseFilter.Keys[dimension]}{i}")).ToList();
            _sql.Append(CultureInfo.InvariantCulture, $" AND UPPER({LabelOf(dimension)}) IN ({string.Join(", ", names)})");
            _values.AddRange(names.Zip(wanted, (n, v) => (n, (object)v.ToUpperInvariant())));
        }
        if (prefix is not null)
        {
            _sql.Append(" AND (SUBSTR(CAST(user_id AS TEXT), 1, @qn) = @q OR UPPER(SUBSTR(product_id, 1, @qn)) = @q)");
            _values.Add(("@q", prefix.ToUpperInvariant()));
            _values.Add(("@qn", prefix.Length));
        }
    }

    public string Sql => _sql.ToString();

    public void Bind(DbCommand command)
    {
        foreach (var (name, value) in _values)
        {
            command.With(name, value);
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
