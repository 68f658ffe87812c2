using Dashboard.Core.Orders;

namespace Dashboard.Tests.Unit.Analytics;

/// <summary>Decision 0015: a revenue total can never wrap to a negative number.</summary>
public class CheckedSumsTests
{
    [Fact]
    public void ARevenueBeyondTheRangeOfItsTotalFailsInsteadOfWrapping()
    {
        var measures = new GroupMeasures(1);
        measures.Add(0, 0, cancelled: false, qty: 1, currency: 0, selectedCurrency: 0, amountMinor: long.MaxValue / 2);
        measures.Add(0, 1, cancelled: false, qty: 1, currency: 0, selectedCurrency: 0, amountMinor: long.MaxValue / 2);

        Assert.Throws<OverflowException>(() => measures.Add(0, 2, cancelled: false, qty: 1, currency: 0, selectedCurrency: 0, amountMinor: long.MaxValue / 2));
        Assert.True(measures[0].RevenueMinor > 0);
    }

    [Fact]
    public void MergedScansAreCheckedToo()
    {
        var a = new GroupMeasures(1);
        var b = new GroupMeasures(1);
        a.Add(0, 0, false, 1, 0, 0, long.MaxValue - 10);
        b.Add(0, 1, false, 1, 0, 0, 11);

        Assert.Throws<OverflowException>(() => a.Merge(b));
    }

    [Fact]
    public void ManyLinesAtTheLargestAcceptedAmountSumExactly()
    {
        var measures = new GroupMeasures(1);
        const long largest = 1_000_000_000; // Imports:MaxLineAmount's default, 10,000,000.00, in minor units
        for (var i = 0; i < 100_000; i++)
        {
            measures.Add(0, i, false, 1, 0, 0, largest);
        }

        Assert.Equal(100_000L * largest, measures[0].RevenueMinor);
        Assert.Equal(1_000_000_000_000m, measures[0].Revenue);
    }
}
