using System.CommandLine;
using Dashboard.Core;
using Dashboard.Core.Data;
using Dashboard.Core.Settings;

namespace Dashboard.Web.Cli;

/// <summary>
/// What a verb runs in: a host without the web server, with the app's configuration (appsettings.json, the environment,
/// the <c>--Section:Key=value</c> settings given beside the verb) and its services, the store brought to the newest
/// schema first. Logs go to stderr, warnings and up, so that stdout is the verb's one JSON object.
/// </summary>
internal static class VerbHost
{
    /// <summary>The host settings given beside a verb, put behind this option by <see cref="HostArguments.ForParser"/>.</summary>
    public static readonly Option<string[]> Settings = new("--setting") { Hidden = true };

    /// <summary>Makes <paramref name="run"/>, given the host's services, the action of <paramref name="verb"/>.</summary>
    public static Command RunsInHost(this Command verb, Func<ParseResult, IServiceProvider, Task<int>> run)
    {
        verb.Options.Add(Settings);
        verb.SetAction(async parse =>
        {
            using var host = Build(parse.GetValue(Settings) ?? []);
            host.Services.CheckSettings(); // a verb's host never starts, so ValidateOnStart would not run
            host.Services.GetRequiredService<StoreInitializer>().Initialize();
            return await run(parse, host.Services);
        });
        return verb;
    }

    /// <summary>The verb's host, built and not started; nothing is checked or opened yet.</summary>
    public static IHost Build(string[] settings, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. settings, HostArguments.NoConfigWatcher],
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDashboardCore(builder.Configuration, builder.Environment.ContentRootPath);
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
