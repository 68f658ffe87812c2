using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Orders;

namespace Dashboard.Tests.Unit.Analytics;

public sealed class FilterAndCsvTests
{
    [Fact]
    public void AFilterSurvivesTheRoundTripThroughAQueryString()
    {
        var filter = new OrderFilter
        {
            From = new DateOnly(2022, 4, 1),
            To = new DateOnly(2022, 4, 30),
            Categories = ["Set", "Western Dress"],
            StatusGroups = [StatusGroup.Cancelled],
            States = ["JAMMU & KASHMIR"],
            B2B = false,
            Weekdays = [DayOfWeek.Sunday],
        };
        var query = filter.ToQueryString();
        Assert.Equal("from=2022-04-01&to=2022-04-30&category=Set&category=Western%20Dress&status=Cancelled&state=JAMMU%20%26%20KASHMIR&b2b=false&weekday=sun", query);
        var pairs = query.Split('&').Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string?>(p[0], Uri.UnescapeDataString(p[1])));
        var back = OrderFilter.Parse(pairs);
        Assert.Equal(query, back.ToQueryString());
    }

    [Fact]
    public void UnreadableValuesAreReportedAndLeftOut()
    {
        var errors = new List<string>();
        var filter = OrderFilter.Parse([new("from", "30/04/2022"), new("status", "7"), new("b2b", "maybe"), new("weekday", "funday")], errors);
        Assert.Equal(4, errors.Count);
        Assert.Equal(OrderFilter.None.ToQueryString(), filter.ToQueryString());
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Set, kurta", "\"Set, kurta\"")]
    [InlineData("Western Dress", "Western Dress")]
    public void TextCellsThatASpreadsheetWouldRunAreNeutralised(string text, string cell) =>
        Assert.Equal(cell, CsvTable.Cell(text));

    [Fact]
    public void NegativeNumbersStayNumbers() => Assert.Equal("-400.5", CsvTable.Cell(-400.5m));
}
