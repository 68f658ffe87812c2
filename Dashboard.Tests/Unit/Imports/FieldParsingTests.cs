using Dashboard.Core.Imports.Formats;

namespace Dashboard.Tests.Unit.Imports;

public class FieldParsingTests
{
    [Theory]
    [InlineData("400081.0", 400081)]
    [InlineData("400081", 400081)]
    [InlineData("560085.00", 560085)]
    public void PostalCodesWrittenAsFloatsAreWholeNumbers(string text, long expected)
    {
        Assert.True(FieldParsing.TryParseWholeNumber(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("400081.5")]
    [InlineData("40O081")]
    [InlineData("4e5")]
    [InlineData("1.")]
    public void NotAWholeNumberIsRefused(string text) => Assert.False(FieldParsing.TryParseWholeNumber(text, out _));

    [Theory]
    [InlineData("647.62", 64762)]
    [InlineData("406.0", 40600)]
    [InlineData("0", 0)]
    [InlineData("1234.5", 123450)]
    public void AmountsBecomeExactMinorUnits(string text, long minor)
    {
        Assert.Equal(AmountParse.Ok, FieldParsing.ParseAmount(text, out var parsed));
        Assert.Equal(minor, parsed);
    }

    [Theory]
    [InlineData("1,234.50", AmountParse.ThousandsSeparator)]
    [InlineData("-12.00", AmountParse.Negative)]
    [InlineData("12.345", AmountParse.TooManyDecimals)]
    [InlineData("twelve", AmountParse.NotANumber)]
    [InlineData("₹12", AmountParse.NotANumber)]
    public void BadAmountsSayWhatIsWrong(string text, object expected) =>
        Assert.Equal((AmountParse)expected, FieldParsing.ParseAmount(text, out _));

    [Fact]
    public void DatesAreMonthDayTwoDigitYear()
    {
        Assert.Equal(DateParse.Ok, FieldParsing.ParseMonthDayYear("04-30-22", out var date));
        Assert.Equal(new DateOnly(2022, 4, 30), date);
        Assert.Equal(DateParse.Ok, FieldParsing.ParseMonthDayYear("02-29-24", out date));
        Assert.Equal(new DateOnly(2024, 2, 29), date);
    }

    [Theory]
    [InlineData("02-30-22", DateParse.NoSuchDate)]
    [InlineData("13-01-22", DateParse.NoSuchDate)]
    [InlineData("02-29-22", DateParse.NoSuchDate)]
    [InlineData("30-04-22", DateParse.NoSuchDate)]
    [InlineData("2022-04-30", DateParse.WrongFormat)]
    [InlineData("4-30-22", DateParse.WrongFormat)]
    [InlineData("04/30/22", DateParse.WrongFormat)]
    public void DatesThatDoNotExistOrAreWrittenOtherwiseAreRefused(string text, object expected) =>
        Assert.Equal((DateParse)expected, FieldParsing.ParseMonthDayYear(text, out _));
}
