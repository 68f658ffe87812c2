using Microsoft.AspNetCore.Hosting;

namespace Dashboard.Tests.Web;

/// <summary><see cref="AnalyticsAppFactory"/>'s app with <c>Display:Culture</c> set to en-IN.</summary>
public sealed class DisplayCultureAppFactory : AnalyticsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Display:Culture", "en-IN");
    }
}
