using System.Globalization;
using Dashboard.Core.Display;
using Dashboard.Core.Forecasting;

namespace Dashboard.Tests.Unit.Forecasting;

/// <summary>An unusual day as the weekly review and the digest list it, in the reader's number format.</summary>
public sealed class AnomalyTextTests
{
    [Theory]
    [InlineData("en-IN", "Tue 21 Jun: 1,23,941 orders, expected 1,150–1,420")]
    [InlineData("en-US", "Tue 21 Jun: 123,941 orders, expected 1,150–1,420")]
    public void ADayIsWrittenWithItsValueAndItsExpectedRangeInTheCulture(string culture, string expected)
    {
        var anomaly = new Anomaly(new DateOnly(2022, 6, 21), 123940.6, 1300, 1149.5, 1420.2);

        Assert.Equal(expected, AnomalyText.Describe(anomaly, new DisplayNumbers(CultureInfo.GetCultureInfo(culture))));
    }

    [Fact]
    public void ARangeBelowZeroIsWrittenFromZero()
    {
        var anomaly = new Anomaly(new DateOnly(2022, 6, 20), 40, 8, -12.4, 25);

        Assert.Equal("Mon 20 Jun: 40 orders, expected 0–25", AnomalyText.Describe(anomaly, new DisplayNumbers(CultureInfo.InvariantCulture)));
    }
}
