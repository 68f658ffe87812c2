using System.Net;
using Dashboard.Web.Hosting;

namespace Dashboard.Tests.Unit.Web;

public sealed class MetricsOptionsValidatorTests
{
    private static readonly MetricsOptionsValidator Validator = new();

    [Fact]
    public void NoNetworksAndAddressesOrNetworksOfBothFamiliesAreAccepted()
    {
        Assert.True(Validator.Validate(null, new MetricsOptions()).Succeeded);
        Assert.True(Validator.Validate(null, new MetricsOptions { AllowedNetworks = ["10.0.0.0/8", " 192.168.1.7 ", "fd00::/8", "::1"] }).Succeeded);
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("everyone")]
    [InlineData("")]
    public void AWrongEntryFailsAndTheMessageNamesTheSettingAndTheEntry(string wrong)
    {
        var result = Validator.Validate(null, new MetricsOptions { AllowedNetworks = ["127.0.0.1", wrong] });

        Assert.True(result.Failed);
        var message = Assert.Single(result.Failures!);
        Assert.StartsWith($"Metrics:AllowedNetworks:1 is '{wrong}';", message);
    }

    [Fact]
    public void LoopbackIsAlwaysAllowedAndOtherAddressesOnlyInsideAnAllowedNetwork()
    {
        var options = new MetricsOptions { AllowedNetworks = ["10.1.0.0/16", "2001:db8::5"] };

        Assert.True(options.Allows(IPAddress.Loopback));
        Assert.True(options.Allows(IPAddress.IPv6Loopback));
        Assert.True(options.Allows(IPAddress.Parse("10.1.200.3")));
        Assert.True(options.Allows(IPAddress.Parse("10.1.200.3").MapToIPv6()));
        Assert.True(options.Allows(IPAddress.Parse("2001:db8::5")));
        Assert.False(options.Allows(IPAddress.Parse("10.2.0.1")));
        Assert.False(options.Allows(IPAddress.Parse("2001:db8::6")));
        Assert.False(options.Allows(IPAddress.Parse("203.0.113.7")));
        Assert.False(options.Allows(null));
        Assert.False(new MetricsOptions().Allows(IPAddress.Parse("10.1.200.3")));
    }
}
