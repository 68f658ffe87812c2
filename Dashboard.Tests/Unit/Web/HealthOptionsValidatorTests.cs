using Dashboard.Web.Hosting;

namespace Dashboard.Tests.Unit.Web;

public sealed class HealthOptionsValidatorTests
{
    private static readonly HealthOptionsValidator Validator = new();

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(HealthOptions.MaxDrainSeconds)]
    public void ADrainFromNoneToTheMostIsAccepted(int seconds) =>
        Assert.True(Validator.Validate(null, new HealthOptions { DrainSeconds = seconds }).Succeeded);

    [Theory]
    [InlineData(-1)]
    [InlineData(HealthOptions.MaxDrainSeconds + 1)]
    public void ADrainOutOfRangeFailsWithOneSentenceNamingTheSetting(int seconds)
    {
        var result = Validator.Validate(null, new HealthOptions { DrainSeconds = seconds });

        Assert.True(result.Failed);
        Assert.Equal($"Health:DrainSeconds is {seconds}; expected 0 to {HealthOptions.MaxDrainSeconds} seconds.", Assert.Single(result.Failures!));
    }
}
