using Dashboard.Web;
using Dashboard.Web.Cli;

if (CommandLine.IsCommand(args))
{
    return await StartupErrors.GuardAsync(() => CommandLine.RunAsync(args));
}

return await StartupErrors.GuardAsync(async () =>
{
    // Settings are read once at start (the status mapping is applied to the stored lines then), so nothing watches them.
    var builder = WebApplication.CreateBuilder([.. args, CommandLine.NoConfigWatcher]);
    builder.Services.AddDashboardWeb(builder.Configuration, builder.Environment);

    var app = builder.Build();
    await app.PrepareStoreAsync();
    app.UseDashboardWeb();
    await app.RunAsync();
    return 0;
});

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
