using System.Globalization;
using System.Text;

namespace Dashboard.Tests.Support;

/// <summary>Builds Amazon order export text in the real format, one line at a time, with sensible defaults.</summary>
public sealed class AmazonCsv
{
    /// <summary>The real export's header: note the trailing space in "Sales Channel " and the junk last column.</summary>
    public const string Header =
        "index,Order ID,Date,Status,Fulfilment,Sales Channel ,ship-service-level,Style,SKU,Category,Size,ASIN,Courier Status,Qty,currency,Amount,ship-city,ship-state,ship-postal-code,ship-country,promotion-ids,B2B,fulfilled-by,Unnamed: 22";

    private readonly StringBuilder _text = new(Header + "\n");
    private int _index;

    public AmazonCsv Line(string orderId, string sku = "JNE3781-KR-L", string date = "04-30-22", string status = "Shipped",
        string amount = "406.00", string currency = "INR", string qty = "1", string category = "kurta", string size = "L",
        string city = "MUMBAI", string state = "MAHARASHTRA", string postal = "400081.0", string fulfilment = "Amazon",
        string channel = "Amazon.in", string level = "Expedited", string courier = "Shipped", string promotions = "",
        string b2b = "False", string fulfilledBy = "", string junk = "")
    {
        var fields = new[]
        {
            (_index++).ToString(CultureInfo.InvariantCulture), orderId, date, status, fulfilment, channel, level,
            sku.Split('-')[0], sku, category, size, "B09K3WFS32", courier, qty, currency, amount, city, state, postal, "IN",
            promotions, b2b, fulfilledBy, junk,
        };
        _text.Append(string.Join(',', fields.Select(Quote))).Append('\n');
        return this;
    }

    public AmazonCsv Raw(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    private static string Quote(string field) =>
        field.Contains(',') || field.Contains('"') || field.Contains('\n') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
