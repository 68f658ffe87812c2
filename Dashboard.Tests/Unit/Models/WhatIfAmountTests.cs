using System.Globalization;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Training;

namespace Dashboard.Tests.Unit.Models;

/// <summary>The hints' amount changes (50% lower to 50% higher) for any amount a decimal can hold: never an overflow.</summary>
public sealed class WhatIfAmountTests(TrainedCancellationModels trained) : IClassFixture<TrainedCancellationModels>
{
    private static CancellationInput Order(decimal amount) => new()
    {
        City = "MUMBAI", State = "MAHARASHTRA", Amount = amount, Category = "Set", Size = "M", Fulfilment = "Merchant",
        SalesChannel = "Amazon.in", ServiceLevel = "Standard", Weekday = DayOfWeek.Monday,
    };

    [Theory]
    [InlineData("53000000000000000000000000000")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("60000000000000000000000000000.5")]
    public void AnAmountWhoseHigherChangesADecimalCannotHoldIsAnsweredWithTheLowerOnesOnly(string text)
    {
        var amount = decimal.Parse(text, CultureInfo.InvariantCulture);

        var changes = WhatIf.BiggestChanges(trained.Result.Trees.Model, Order(amount), int.MaxValue);

        Assert.All(changes.Where(c => c.Input == CancellationFeatures.Amount),
            c => Assert.True(decimal.Parse(c.Value, CultureInfo.InvariantCulture) < amount, c.Value));
    }

    [Fact]
    public void TheLargestAmountWhoseHalfAgainStillFitsIsTriedAtEveryChange()
    {
        var amount = decimal.MaxValue / 1.5m; // 52,818,775,009,509,558,395,695,966,890: 1.5 times it is decimal.MaxValue exactly

        var changes = WhatIf.BiggestChanges(trained.Result.Trees.Model, Order(amount), int.MaxValue);

        Assert.Equal(decimal.MaxValue, amount * 1.5m);
        Assert.All(changes, c => Assert.False(string.IsNullOrEmpty(c.Value)));
    }

    [Fact]
    public void AnOrdinaryAmountIsStillTriedHalfLowerToHalfHigher()
    {
        var changes = WhatIf.BiggestChanges(trained.Result.Trees.Model, Order(1200), int.MaxValue, inputs: [CancellationFeatures.Amount]);

        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Contains(decimal.Parse(c.Value, CultureInfo.InvariantCulture), (decimal[])[600m, 900m, 1500m, 1800m]));
    }
}
