using System.Globalization;
using Dashboard.Core.Imports.Csv;
using Dashboard.Core.Orders;

namespace Dashboard.Core.Imports.Formats;

/// <summary>
/// Reads one row of an Amazon seller order export into an <see cref="OrderLine"/>, or says which column is wrong.
/// Columns are found by name, so their order does not matter; a junk trailing column is ignored.
/// </summary>
internal sealed class AmazonOrderRowParser
{
    private readonly StatusGroupMapping _statusGroups;
    private readonly DateOnly _latestAllowedDate;
    private readonly long _maxAmountMinor;
    private readonly decimal _maxAmount;
    private readonly StringPool _pool = new();
    /// <summary>Promotion lists repeat across lines (5,787 distinct texts in the real export's 128,975 rows).</summary>
    private readonly StringPool _promotionLists = new();
    private readonly Dictionary<string, string?> _cities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _states = new(StringComparer.Ordinal);
    private readonly int _index, _orderId, _date, _status, _fulfilment, _channel, _serviceLevel, _style, _sku,
        _category, _size, _asin, _courier, _qty, _currency, _amount, _city, _state, _postal, _country, _promotions,
        _b2b, _fulfilledBy;

    public AmazonOrderRowParser(CsvHeader header, StatusGroupMapping statusGroups, DateOnly latestAllowedDate, decimal maxAmount = 10_000_000m)
    {
        _maxAmount = maxAmount;
        _maxAmountMinor = (long)Math.Min(maxAmount * 100m, long.MaxValue / 4);
        _statusGroups = statusGroups;
        _latestAllowedDate = latestAllowedDate;
        ExpectedFields = header.Count;
        _index = header.IndexOf("index");
        _orderId = header.IndexOf("Order ID");
        _date = header.IndexOf("Date");
        _status = header.IndexOf("Status");
        _fulfilment = header.IndexOf("Fulfilment");
        _channel = header.IndexOf("Sales Channel");
        _serviceLevel = header.IndexOf("ship-service-level");
        _style = header.IndexOf("Style");
        _sku = header.IndexOf("SKU");
        _category = header.IndexOf("Category");
        _size = header.IndexOf("Size");
        _asin = header.IndexOf("ASIN");
        _courier = header.IndexOf("Courier Status");
        _qty = header.IndexOf("Qty");
        _currency = header.IndexOf("currency");
        _amount = header.IndexOf("Amount");
        _city = header.IndexOf("ship-city");
        _state = header.IndexOf("ship-state");
        _postal = header.IndexOf("ship-postal-code");
        _country = header.IndexOf("ship-country");
        _promotions = header.IndexOf("promotion-ids");
        _b2b = header.IndexOf("B2B");
        _fulfilledBy = header.IndexOf("fulfilled-by");
    }

    public int ExpectedFields { get; }

    public OrderLine? Parse(CsvRecordReader row, out RowError? error)
    {
        // Each step checks its columns in the order a reader of the row would, and the first wrong one is the answer.
        if (!HasExpectedFields(row, out error)
            || !TryReadSourceIndex(row, out var sourceIndex, out error)
            || !TryReadKeys(row, out var orderId, out var sku, out error)
            || !TryReadDate(row, out var date, out error)
            || !TryReadStatus(row, out var status, out error)
            || !TryReadQty(row, out var qty, out error)
            || !TryReadAmount(row, out var currency, out var amountMinor, out error)
            || !TryReadPostalCode(row, out var postalCode, out error)
            || !TryReadB2B(row, out var b2b, out error))
        {
            return null;
        }

        var statusText = _pool.Get(status);
        var cityRaw = NullIfEmpty(row[_city]);
        var stateRaw = NullIfEmpty(row[_state]);
        var line = new OrderLine
        {
            OrderId = orderId.ToString(),
            Sku = _pool.Get(sku),
            Date = date,
            Status = statusText,
            StatusGroup = _statusGroups.GroupOf(statusText),
            Fulfilment = _pool.Get(row[_fulfilment].Trim()),
            SalesChannel = _pool.Get(row[_channel].Trim()),
            ServiceLevel = _pool.Get(row[_serviceLevel].Trim()),
            Style = _style >= 0 ? _pool.Get(row[_style].Trim()) : "",
            Category = _pool.Get(row[_category].Trim()),
            Size = _pool.Get(row[_size].Trim()),
            Asin = _asin >= 0 ? _pool.Get(row[_asin].Trim()) : "",
            CourierStatus = _courier >= 0 ? NullIfEmpty(row[_courier].Trim()) : null,
            Qty = qty,
            Currency = currency.IsEmpty ? null : _pool.Get(currency).ToUpperInvariant(),
            AmountMinor = amountMinor,
            CityRaw = cityRaw,
            City = Canonical(_cities, cityRaw, Places.CanonicalCity),
            StateRaw = stateRaw,
            State = Canonical(_states, stateRaw, Places.CanonicalState),
            PostalCode = postalCode,
            Country = _country >= 0 ? NullIfEmpty(row[_country].Trim()) : null,
            PromotionIds = _promotions >= 0 && !row[_promotions].IsEmpty ? _promotionLists.Get(row[_promotions]) : null,
            B2B = b2b,
            FulfilledBy = _fulfilledBy >= 0 ? NullIfEmpty(row[_fulfilledBy].Trim()) : null,
            SourceIndex = sourceIndex,
        };
        line.ContentHash = Hash(line);
        return line;
    }

    private bool HasExpectedFields(CsvRecordReader row, out RowError? error)
    {
        error = row.FieldCount == ExpectedFields
            ? null
            : new RowError(null, null, $"The row has {row.FieldCount} fields; the header has {ExpectedFields}.");
        return error is null;
    }

    /// <summary>The export's own row number, when it has the column: optional, a whole number when given.</summary>
    private bool TryReadSourceIndex(CsvRecordReader row, out int? sourceIndex, out RowError? error)
    {
        (sourceIndex, error) = (null, null);
        if (_index < 0 || row[_index].IsEmpty)
        {
            return true;
        }
        if (!FieldParsing.TryParseWholeNumber(row[_index], out var index) || index is < 0 or > int.MaxValue)
        {
            error = RowError.For("index", row[_index], "not a whole number");
            return false;
        }
        sourceIndex = (int)index;
        return true;
    }

    /// <summary>The order ID and the SKU, which together name the line: both required.</summary>
    private bool TryReadKeys(CsvRecordReader row, out ReadOnlySpan<char> orderId, out ReadOnlySpan<char> sku, out RowError? error)
    {
        sku = default;
        error = null;
        orderId = row[_orderId].Trim();
        if (orderId.IsEmpty)
        {
            error = RowError.For("Order ID", orderId, "the order ID is missing");
            return false;
        }
        sku = row[_sku].Trim();
        if (sku.IsEmpty)
        {
            error = RowError.For("SKU", sku, "the SKU is missing");
            return false;
        }
        return true;
    }

    private bool TryReadDate(CsvRecordReader row, out DateOnly date, out RowError? error)
    {
        error = FieldParsing.ParseMonthDayYear(row[_date].Trim(), out date) switch
        {
            DateParse.WrongFormat => RowError.For("Date", row[_date], "not a date in the form MM-DD-YY"),
            DateParse.NoSuchDate => RowError.For("Date", row[_date], "no such date"),
            _ when date > _latestAllowedDate => RowError.For("Date", row[_date], "the date lies in the future"),
            _ => null,
        };
        return error is null;
    }

    private bool TryReadStatus(CsvRecordReader row, out ReadOnlySpan<char> status, out RowError? error)
    {
        status = row[_status].Trim();
        error = status.IsEmpty ? RowError.For("Status", status, "the status is missing") : null;
        return error is null;
    }

    private bool TryReadQty(CsvRecordReader row, out int qty, out RowError? error)
    {
        (qty, error) = (0, null);
        if (!FieldParsing.TryParseWholeNumber(row[_qty].Trim(), out var parsed) || parsed is < 0 or > 1_000_000)
        {
            error = RowError.For("Qty", row[_qty], "not a whole number of units (0 or more)");
            return false;
        }
        qty = (int)parsed;
        return true;
    }

    /// <summary>
    /// The amount in minor units and its currency: the amount may be missing, but one that is given needs a currency,
    /// and a currency that is given is three letters.
    /// </summary>
    private bool TryReadAmount(CsvRecordReader row, out ReadOnlySpan<char> currency, out long? amountMinor, out RowError? error)
    {
        (amountMinor, error) = (null, null);
        currency = row[_currency].Trim();
        var amountText = row[_amount].Trim();
        if (!amountText.IsEmpty)
        {
            error = AmountError(FieldParsing.ParseAmount(amountText, out var minor), minor, amountText)
                ?? (currency.IsEmpty ? RowError.For("currency", currency, "an amount without a currency") : null);
            if (error is not null)
            {
                return false;
            }
            amountMinor = minor;
        }
        if (!currency.IsEmpty && (currency.Length != 3 || !IsAsciiLetters(currency)))
        {
            error = RowError.For("currency", currency, "not a three-letter currency code");
            return false;
        }
        return true;
    }

    private RowError? AmountError(AmountParse parsed, long minor, ReadOnlySpan<char> amountText) => parsed switch
    {
        AmountParse.NotANumber => RowError.For("Amount", amountText, "not a number"),
        AmountParse.Negative => RowError.For("Amount", amountText, "a negative amount"),
        AmountParse.ThousandsSeparator => RowError.For("Amount", amountText, "amounts are written without thousands separators (1234.50, not 1,234.50)"),
        AmountParse.TooManyDecimals => RowError.For("Amount", amountText, "more than two decimals"),
        AmountParse.TooLarge => TooLarge(amountText),
        _ when minor > _maxAmountMinor => TooLarge(amountText),
        _ => null,
    };

    private RowError TooLarge(ReadOnlySpan<char> amountText) => RowError.For("Amount", amountText, string.Create(CultureInfo.InvariantCulture,
        $"more than the largest amount one order line may have ({_maxAmount:#,0.##}, Imports:MaxLineAmount)"));

    private bool TryReadPostalCode(CsvRecordReader row, out int? postalCode, out RowError? error)
    {
        (postalCode, error) = (null, null);
        if (_postal < 0 || row[_postal].Trim().IsEmpty)
        {
            return true;
        }
        if (!FieldParsing.TryParseWholeNumber(row[_postal].Trim(), out var postal) || postal is < 0 or > 99_999_999)
        {
            error = RowError.For("ship-postal-code", row[_postal], "not a postal code (digits)");
            return false;
        }
        postalCode = (int)postal;
        return true;
    }

    private bool TryReadB2B(CsvRecordReader row, out bool b2b, out RowError? error)
    {
        error = FieldParsing.TryParseBool(row[_b2b].Trim(), out b2b) ? null : RowError.For("B2B", row[_b2b], "not True or False");
        return error is null;
    }

    /// <summary>The hash of everything a re-import could change (not the derived status group, nor the batch).</summary>
    internal static long Hash(OrderLine line)
    {
        var hash = ContentHash.Start();
        hash.Add(line.Date.DayNumber);
        hash.Add(line.Status);
        hash.Add(line.Fulfilment);
        hash.Add(line.SalesChannel);
        hash.Add(line.ServiceLevel);
        hash.Add(line.Style);
        hash.Add(line.Category);
        hash.Add(line.Size);
        hash.Add(line.Asin);
        hash.Add(line.CourierStatus);
        hash.Add(line.Qty);
        hash.Add(line.Currency);
        hash.Add(line.AmountMinor);
        hash.Add(line.CityRaw);
        hash.Add(line.StateRaw);
        hash.Add(line.PostalCode);
        hash.Add(line.Country);
        hash.Add(line.PromotionIds);
        hash.Add(line.B2B ? 1 : 0);
        hash.Add(line.FulfilledBy);
        hash.Add(line.SourceIndex);
        return hash.Value;
    }

    private string? NullIfEmpty(ReadOnlySpan<char> text) => text.IsEmpty ? null : _pool.Get(text);

    private static string? Canonical(Dictionary<string, string?> cache, string? raw, Func<string?, string?> canonical)
    {
        if (raw is null)
        {
            return null;
        }
        if (!cache.TryGetValue(raw, out var value))
        {
            value = canonical(raw);
            cache[raw] = value;
        }
        return value;
    }

    private static bool IsAsciiLetters(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }
        return true;
    }
}
