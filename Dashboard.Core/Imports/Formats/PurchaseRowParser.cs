using System.Globalization;
using Dashboard.Core.Imports.Csv;
using Dashboard.Core.Purchases;

namespace Dashboard.Core.Imports.Formats;

/// <summary>
/// Reads one row of a customer purchase file (the "Black Friday" format) into a <see cref="PurchaseTransaction"/>,
/// or says which column is wrong. <c>User_ID</c>, <c>Product_ID</c> and <c>Purchase</c> may be absent.
/// </summary>
internal sealed class PurchaseRowParser
{
    private readonly StringPool _pool = new();
    private readonly int _userId, _productId, _gender, _age, _occupation, _city, _stay, _marital, _cat1, _cat2, _cat3, _purchase;

    private readonly int _maxPurchase;

    public PurchaseRowParser(CsvHeader header, int maxPurchase = 10_000_000)
    {
        _maxPurchase = maxPurchase;
        ExpectedFields = header.Count;
        _userId = header.IndexOf("User_ID");
        _productId = header.IndexOf("Product_ID");
        _gender = header.IndexOf("Gender");
        _age = header.IndexOf("Age");
        _occupation = header.IndexOf("Occupation");
        _city = header.IndexOf("City_Category");
        _stay = header.IndexOf("Stay_In_Current_City_Years");
        _marital = header.IndexOf("Marital_Status");
        _cat1 = header.IndexOf("Product_Category_1");
        _cat2 = header.IndexOf("Product_Category_2");
        _cat3 = header.IndexOf("Product_Category_3");
        _purchase = header.IndexOf("Purchase");
    }

    public int ExpectedFields { get; }

    public bool IsToScore => _purchase < 0;

    public PurchaseTransaction? Parse(CsvRecordReader row, int sourceRow, out RowError? error)
    {
        error = null;
        if (row.FieldCount != ExpectedFields)
        {
            error = new RowError(null, null, $"The row has {row.FieldCount} fields; the header has {ExpectedFields}.");
            return null;
        }

        int? userId = null;
        if (_userId >= 0 && !row[_userId].Trim().IsEmpty)
        {
            if (!FieldParsing.TryParseWholeNumber(row[_userId].Trim(), out var id) || id is < 0 or > int.MaxValue)
            {
                error = RowError.For("User_ID", row[_userId], "not a whole number");
                return null;
            }
            userId = (int)id;
        }
        string? productId = null;
        if (_productId >= 0 && !row[_productId].Trim().IsEmpty)
        {
            productId = _pool.Get(row[_productId].Trim());
        }

        var gender = row[_gender].Trim();
        if (!(gender.Length == 1 && (char.ToUpperInvariant(gender[0]) is 'F' or 'M')))
        {
            error = RowError.For("Gender", gender, "expected F or M");
            return null;
        }

        var age = row[_age].Trim();
        string? ageBand = null;
        foreach (var band in AgeBands.All)
        {
            if (age.SequenceEqual(band))
            {
                ageBand = band;
            }
        }
        if (ageBand is null)
        {
            error = RowError.For("Age", age, $"expected an age band: {string.Join(", ", AgeBands.All)}");
            return null;
        }

        if (!TryWhole(row, _occupation, 0, 99, out var occupation))
        {
            error = RowError.For("Occupation", row[_occupation], "expected an occupation code from 0 to 99");
            return null;
        }

        var city = row[_city].Trim();
        if (!(city.Length == 1 && char.ToUpperInvariant(city[0]) is 'A' or 'B' or 'C'))
        {
            error = RowError.For("City_Category", city, "expected A, B or C");
            return null;
        }

        var stayText = row[_stay].Trim();
        var stay = stayText is "4+" ? 4 : -1;
        if (stay < 0 && !(TryWhole(row, _stay, 0, 4, out stay)))
        {
            error = RowError.For("Stay_In_Current_City_Years", stayText, "expected 0, 1, 2, 3 or 4+");
            return null;
        }

        if (!TryWhole(row, _marital, 0, 1, out var marital))
        {
            error = RowError.For("Marital_Status", row[_marital], "expected 0 or 1");
            return null;
        }

        if (!TryWhole(row, _cat1, 1, 99, out var category1))
        {
            error = RowError.For("Product_Category_1", row[_cat1], "expected a product category from 1 to 99");
            return null;
        }
        if (!TryOptionalWhole(row, _cat2, out var category2))
        {
            error = RowError.For("Product_Category_2", row[_cat2], "expected a product category from 1 to 99, or nothing");
            return null;
        }
        if (!TryOptionalWhole(row, _cat3, out var category3))
        {
            error = RowError.For("Product_Category_3", row[_cat3], "expected a product category from 1 to 99, or nothing");
            return null;
        }

        int? purchase = null;
        if (_purchase >= 0)
        {
            if (!TryWhole(row, _purchase, 0, int.MaxValue, out var amount))
            {
                error = RowError.For("Purchase", row[_purchase], "expected a whole amount of 0 or more");
                return null;
            }
            if (amount > _maxPurchase)
            {
                error = RowError.For("Purchase", row[_purchase], string.Create(CultureInfo.InvariantCulture,
                    $"more than the largest purchase accepted ({_maxPurchase:N0}, Imports:MaxPurchase)"));
                return null;
            }
            purchase = amount;
        }

        return new PurchaseTransaction
        {
            UserId = userId,
            ProductId = productId,
            Gender = char.ToUpperInvariant(gender[0]) == 'F' ? "F" : "M",
            AgeBand = ageBand,
            Occupation = occupation,
            CityCategory = char.ToUpperInvariant(city[0]) switch { 'A' => "A", 'B' => "B", _ => "C" },
            StayYears = stay,
            Married = marital == 1,
            ProductCategory1 = category1,
            ProductCategory2 = category2,
            ProductCategory3 = category3,
            Purchase = purchase,
            IsToScore = _purchase < 0,
            SourceRow = sourceRow,
        };
    }

    private static bool TryWhole(CsvRecordReader row, int column, int min, int max, out int value)
    {
        value = 0;
        if (!FieldParsing.TryParseWholeNumber(row[column].Trim(), out var parsed) || parsed < min || parsed > max)
        {
            return false;
        }
        value = (int)parsed;
        return true;
    }

    private static bool TryOptionalWhole(CsvRecordReader row, int column, out int? value)
    {
        value = null;
        if (row[column].Trim().IsEmpty)
        {
            return true;
        }
        if (!TryWhole(row, column, 1, 99, out var parsed))
        {
            return false;
        }
        value = parsed;
        return true;
    }
}
