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
        // Each step checks its columns in the file's order, and the first wrong one is the answer.
        if (!HasExpectedFields(row, out error)
            || !TryReadUserId(row, out var userId, out error)
            || !TryReadGender(row, out var gender, out error)
            || !TryReadAgeBand(row, out var ageBand, out error)
            || !TryReadWhole(row, _occupation, 0, 99, "Occupation", "expected an occupation code from 0 to 99", out var occupation, out error)
            || !TryReadCityCategory(row, out var city, out error)
            || !TryReadStay(row, out var stay, out error)
            || !TryReadWhole(row, _marital, 0, 1, "Marital_Status", "expected 0 or 1", out var marital, out error)
            || !TryReadWhole(row, _cat1, 1, 99, "Product_Category_1", "expected a product category from 1 to 99", out var category1, out error)
            || !TryReadOptionalCategory(row, _cat2, "Product_Category_2", out var category2, out error)
            || !TryReadOptionalCategory(row, _cat3, "Product_Category_3", out var category3, out error)
            || !TryReadPurchase(row, out var purchase, out error))
        {
            return null;
        }

        return new PurchaseTransaction
        {
            UserId = userId,
            ProductId = _productId >= 0 && !row[_productId].Trim().IsEmpty ? _pool.Get(row[_productId].Trim()) : null,
            Gender = gender,
            AgeBand = ageBand,
            Occupation = occupation,
            CityCategory = city,
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

    private bool HasExpectedFields(CsvRecordReader row, out RowError? error)
    {
        error = row.FieldCount == ExpectedFields
            ? null
            : new RowError(null, null, $"The row has {row.FieldCount} fields; the header has {ExpectedFields}.");
        return error is null;
    }

    /// <summary>The customer's ID: optional (a file to score may leave it out), a whole number when given.</summary>
    private bool TryReadUserId(CsvRecordReader row, out int? userId, out RowError? error)
    {
        (userId, error) = (null, null);
        if (_userId < 0 || row[_userId].Trim().IsEmpty)
        {
            return true;
        }
        if (!TryWhole(row, _userId, 0, int.MaxValue, out var id))
        {
            error = RowError.For("User_ID", row[_userId], "not a whole number");
            return false;
        }
        userId = id;
        return true;
    }

    /// <summary>F or M in either case, as <c>"F"</c> or <c>"M"</c>.</summary>
    private bool TryReadGender(CsvRecordReader row, out string gender, out RowError? error)
    {
        var text = row[_gender].Trim();
        var letter = text.Length == 1 ? char.ToUpperInvariant(text[0]) : '\0';
        gender = letter == 'F' ? "F" : "M";
        error = letter is 'F' or 'M' ? null : RowError.For("Gender", text, "expected F or M");
        return error is null;
    }

    /// <summary>One of the age bands as written (<see cref="AgeBands.All"/>), as the shared string.</summary>
    private bool TryReadAgeBand(CsvRecordReader row, out string ageBand, out RowError? error)
    {
        var age = row[_age].Trim();
        string? found = null;
        foreach (var band in AgeBands.All)
        {
            if (age.SequenceEqual(band))
            {
                found = band;
            }
        }
        ageBand = found ?? "";
        error = found is null ? RowError.For("Age", age, $"expected an age band: {string.Join(", ", AgeBands.All)}") : null;
        return error is null;
    }

    /// <summary>A, B or C in either case, as <c>"A"</c>, <c>"B"</c> or <c>"C"</c>.</summary>
    private bool TryReadCityCategory(CsvRecordReader row, out string city, out RowError? error)
    {
        var text = row[_city].Trim();
        var letter = text.Length == 1 ? char.ToUpperInvariant(text[0]) : '\0';
        city = letter switch { 'A' => "A", 'B' => "B", _ => "C" };
        error = letter is 'A' or 'B' or 'C' ? null : RowError.For("City_Category", text, "expected A, B or C");
        return error is null;
    }

    /// <summary>Years in the current city: 0 to 4, where 4 is written <c>4+</c> (a plain 4 is taken too).</summary>
    private bool TryReadStay(CsvRecordReader row, out int stay, out RowError? error)
    {
        var text = row[_stay].Trim();
        stay = text is "4+" ? 4 : -1;
        error = stay >= 0 || TryWhole(row, _stay, 0, 4, out stay) ? null : RowError.For("Stay_In_Current_City_Years", text, "expected 0, 1, 2, 3 or 4+");
        return error is null;
    }

    /// <summary>The amount bought: a whole amount up to Imports:MaxPurchase; absent in a file to score.</summary>
    private bool TryReadPurchase(CsvRecordReader row, out int? purchase, out RowError? error)
    {
        (purchase, error) = (null, null);
        if (_purchase < 0)
        {
            return true;
        }
        if (!TryWhole(row, _purchase, 0, int.MaxValue, out var amount))
        {
            error = RowError.For("Purchase", row[_purchase], "expected a whole amount of 0 or more");
            return false;
        }
        if (amount > _maxPurchase)
        {
            error = RowError.For("Purchase", row[_purchase], string.Create(CultureInfo.InvariantCulture,
                $"more than the largest purchase accepted ({_maxPurchase:N0}, Imports:MaxPurchase)"));
            return false;
        }
        purchase = amount;
        return true;
    }

    private static bool TryReadWhole(CsvRecordReader row, int column, int min, int max, string name, string reason, out int value, out RowError? error)
    {
        error = TryWhole(row, column, min, max, out value) ? null : RowError.For(name, row[column], reason);
        return error is null;
    }

    /// <summary>A product category from 1 to 99, or nothing.</summary>
    private static bool TryReadOptionalCategory(CsvRecordReader row, int column, string name, out int? value, out RowError? error)
    {
        (value, error) = (null, null);
        if (row[column].Trim().IsEmpty)
        {
            return true;
        }
        if (!TryWhole(row, column, 1, 99, out var parsed))
        {
            error = RowError.For(name, row[column], "expected a product category from 1 to 99, or nothing");
            return false;
        }
        value = parsed;
        return true;
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
}
