using Dashboard.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Web;

/// <summary>A wrong metrics or health setting stops the start, and the reason names the setting.</summary>
public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData("Metrics:AllowedNetworks:0", "everyone", "Metrics:AllowedNetworks:0 is 'everyone';")]
    [InlineData("Health:DrainSeconds", "600", "Health:DrainSeconds is 600;")]
    public void AWrongSettingStopsTheStartNamingIt(string key, string value, string reason)
    {
        using var db = new TempDatabase();
        using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Dashboard", db.ConnectionString);
            b.UseSetting("Models:TrainOnFirstStart", "false");
            b.UseSetting(key, value);
        });

        var error = Assert.Throws<OptionsValidationException>(() => factory.Server);

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
