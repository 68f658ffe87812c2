using Dashboard.Core.Display;

namespace Dashboard.Tests.Unit.Display;

public sealed class DisplayOptionsValidatorTests
{
    private static readonly DisplayOptionsValidator Validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("en-IN")]
    [InlineData("de-DE")]
    [InlineData("hi-IN")]
    public void AKnownCultureOrNoneIsAccepted(string? culture) =>
        Assert.True(Validator.Validate(null, new DisplayOptions { Culture = culture }).Succeeded);

    [Theory]
    [InlineData("xx-YY")]
    [InlineData("en-ZZ")]
    [InlineData("English")]
    public void AnUnknownCultureIsRefusedInOneSentenceNamingTheSetting(string culture)
    {
        var result = Validator.Validate(null, new DisplayOptions { Culture = culture });

        Assert.True(result.Failed);
        var message = Assert.Single(result.Failures!);
        Assert.StartsWith("Display:Culture must be a culture name such as en-IN", message);
        Assert.Contains($"'{culture}' is not one", message);
        Assert.EndsWith(".", message);
    }
}
