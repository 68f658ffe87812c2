using System.Globalization;
using Dashboard.Core.Display;

namespace Dashboard.Tests.Unit.Display;

public sealed class DisplayNumbersTests
{
    private static DisplayNumbers In(string culture) => new(CultureInfo.GetCultureInfo(culture));

    [Fact]
    public void AnIndianReaderSeesRupeesWithIndianGrouping()
    {
        var numbers = In("en-IN");

        Assert.Equal("₹7,85,90,043.30", numbers.Amount(78590043.30m, "INR"));
        Assert.Equal("1,28,975", numbers.Count(128975));
        Assert.Equal("-₹1,20,050.00", numbers.Amount(-120050m, "INR"));
        Assert.Equal("+₹73,30,000.00", numbers.AmountChange(7330000m, "INR"));
    }

    [Theory]
    [InlineData(78590043.30, "₹7.86 Cr")]
    [InlineData(7330000, "₹73.3 L")]
    [InlineData(785900430, "₹78.6 Cr")]
    [InlineData(100000, "₹1 L")]
    [InlineData(99999.5, "₹99,999.50")]
    [InlineData(648.23, "₹648.23")]
    public void InEnInCompactAmountsCountInLakhsAndCrores(double value, string expected) =>
        Assert.Equal(expected, In("en-IN").CompactAmount((decimal)value, "INR"));

    [Theory]
    [InlineData("en-US", 78590043.30, "₹78.6M")]
    [InlineData("en-US", 1785900430, "₹1.79B")]
    [InlineData("en-US", 785900, "₹785,900.00")]
    [InlineData("en-GB", 7330000, "₹7.33M")]
    public void ElsewhereCompactAmountsCountInMillions(string culture, double value, string expected) =>
        Assert.Equal(expected, In(culture).CompactAmount((decimal)value, "INR"));

    [Fact]
    public void TheSymbolGoesWhereTheCultureWritesItsOwn()
    {
        Assert.Equal("78.590.043,30 ₹", In("de-DE").Amount(78590043.30m, "INR"));
        Assert.Equal("78,6M ₹", In("de-DE").CompactAmount(78590043.30m, "INR"));
        Assert.Equal("$1,234.50", In("en-US").Amount(1234.5m, "USD"));
    }

    [Fact]
    public void ACodeWithoutASymbolIsWrittenAsACodeApartFromTheNumber()
    {
        Assert.Equal("XQQ 1,234.50", In("en-US").Amount(1234.5m, "XQQ"));
        Assert.Equal("1,234.50", In("en-US").Amount(1234.5m, null));
    }

    [Fact]
    public void CompactChangesKeepTheirSign()
    {
        Assert.Equal("+₹1.2 Cr", In("en-IN").CompactAmountChange(12000000m, "INR"));
        Assert.Equal("-₹50 L", In("en-IN").CompactAmountChange(-5000000m, "INR"));
        Assert.Equal("-1.5 L", In("en-IN").CompactNumber(-150000));
    }

    [Fact]
    public void OnlyCulturesThatGroupByLakhsUseLakhs()
    {
        Assert.True(In("en-IN").UsesLakhs);
        Assert.True(In("hi-IN").UsesLakhs);
        Assert.False(In("en-US").UsesLakhs);
        Assert.False(new DisplayNumbers(CultureInfo.InvariantCulture).UsesLakhs);
    }
}
