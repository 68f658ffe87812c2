using Dashboard.Web;
using Dashboard.Web.Cli;

// A verb (import, stats, ...), or help, or with neither the web server, given the host settings on the command line.
return await StartupErrors.GuardAsync(() => DashboardCommandLine.RunAsync(args, StartWebServerAsync));

static async Task<int> StartWebServerAsync(string[] settings)
{
    // Settings are read once at start (the status mapping is applied to the stored lines then), so nothing watches them.
    var builder = WebApplication.CreateBuilder([.. settings, HostArguments.NoConfigWatcher]);
    builder.Services.AddDashboardWeb(builder.Configuration, builder.Environment);

    var app = builder.Build();
    await app.PrepareStoreAsync();
    app.UseDashboardWeb();
    await app.RunAsync();
    return 0;
}

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
