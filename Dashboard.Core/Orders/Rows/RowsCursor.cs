using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Dashboard.Core.Orders.Rows;

/// <summary>
/// Where a page of a sort ends, so that the next page starts after it without reading what it skips (keyset paging,
/// docs/decisions/0035-keyset-rows.md): the sort, the last row's value in the sort's column (null: the line has
/// none, the lines without a value come last) and its store id (the tie-break). Opaque to the API's callers
/// (<see cref="Encode"/>, <see cref="TryParse"/>).
/// </summary>
public sealed record RowsCursor(RowsColumn Sort, bool Descending, string? Value, long Id)
{
    /// <summary>The cursor after <paramref name="row"/> in a sort.</summary>
    public static RowsCursor After(OrderRow row, RowsColumn sort, bool descending) => new(sort, descending, ValueOf(row, sort), row.Id);

    /// <summary>The cursor as the API carries it (base64url).</summary>
    public string Encode()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{RowsColumns.KeyOf(Sort)}~{(Descending ? "d" : "a")}~{Id}~{(Value is null ? "-" : "=" + Value)}");
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A cursor from its text; false with the reason when it is not one of <see cref="Encode"/>'s.</summary>
    public static bool TryParse(string text, out RowsCursor? cursor, out string? problem)
    {
        cursor = null;
        problem = "is not a cursor of this API (take it from a page's 'next').";
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(bytes).Split('~', 4);
        if (parts.Length != 4 || !RowsColumns.TryParse(parts[0], out var sort) || parts[1] is not ("a" or "d")
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !(parts[3] == "-" || parts[3].StartsWith('=')))
        {
            return false;
        }
        var value = parts[3] == "-" ? null : parts[3][1..];
        if (value is not null && !ValueFits(sort, value))
        {
            problem = $"holds '{Data.TextLimits.Shorten(value, 40)}', not a value of {RowsColumns.KeyOf(sort)}.";
            return false;
        }
        cursor = new RowsCursor(sort, parts[1] == "d", value, id);
        problem = null;
        return true;
    }

    /// <summary>The value as the store compares it: a number for the numeric columns, the text otherwise.</summary>
    internal object StoredValue => Sort switch
    {
        RowsColumn.Amount or RowsColumn.Qty => long.Parse(Value!, CultureInfo.InvariantCulture),
        RowsColumn.B2B => Value == "1",
        _ => Value!,
    };

    private static bool ValueFits(RowsColumn sort, string value) => sort switch
    {
        RowsColumn.Amount or RowsColumn.Qty => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        RowsColumn.B2B => value is "0" or "1",
        RowsColumn.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    /// <summary>A row's value in a column as the store holds it (amounts in minor units, dates as yyyy-MM-dd, b2b as 0/1).</summary>
    private static string? ValueOf(OrderRow row, RowsColumn sort) => sort switch
    {
        RowsColumn.OrderId => row.OrderId,
        RowsColumn.Sku => row.Sku,
        RowsColumn.Date => row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        RowsColumn.Status => row.Status,
        RowsColumn.StatusGroup => row.StatusGroup.ToString(),
        RowsColumn.Category => row.Category,
        RowsColumn.Size => row.Size,
        RowsColumn.Qty => row.Qty.ToString(CultureInfo.InvariantCulture),
        RowsColumn.Currency => row.Currency,
        RowsColumn.Amount => row.Amount is { } a ? ((long)(a * 100m)).ToString(CultureInfo.InvariantCulture) : null,
        RowsColumn.City => row.City,
        RowsColumn.State => row.State,
        RowsColumn.Fulfilment => row.Fulfilment,
        RowsColumn.Channel => row.Channel,
        RowsColumn.ServiceLevel => row.ServiceLevel,
        RowsColumn.B2B => row.B2B ? "1" : "0",
        _ => throw new ArgumentOutOfRangeException(nameof(sort)),
    };
}
