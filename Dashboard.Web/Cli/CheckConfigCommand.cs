using System.CommandLine;
using System.Text.Json.Nodes;
using Dashboard.Core.Settings;

namespace Dashboard.Web.Cli;

/// <summary>
/// <c>check-config</c>: the settings as the app would use them, checked as at start, without opening the store
/// (decision 0026-settings-options-at-start). Prints <c>{"settings": {"Section:Key": value, ...}}</c> with secrets masked
/// and exits 0; or prints <c>{"problems": [...]}</c>, each problem also a line on stderr, and exits 1.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create()
    {
        var command = new Command("check-config", """
            Check the settings (appsettings.json, the environment, and --Section:Key=value
            after the verb) as the app does at start, without opening the store, and
            print the effective ones as JSON, every setting by its path, with passwords,
            tokens, keys and connection-string passwords masked. Exit code 1, with each
            problem (a sentence naming the setting) on stderr, when any is wrong.
            """);
        command.Options.Add(VerbHost.Settings);
        command.SetAction(async parse =>
        {
            using var host = VerbHost.Build(parse.GetValue(VerbHost.Settings) ?? [], services => services.AddDashboardWebSettings());
            if (SettingsException.Find(host.Services) is { Count: > 0 } problems)
            {
                await Console.Out.WriteLineAsync(new JsonObject { ["problems"] = new JsonArray([.. problems.Select(p => JsonValue.Create(p))]) }
                    .ToJsonString(CliJson.Options));
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return 1;
            }
            var settings = new JsonObject();
            foreach (var (path, value) in SettingsView.Of(host.Services))
            {
                settings[path] = value switch
                {
                    bool flag => JsonValue.Create(flag),
                    int number => JsonValue.Create(number),
                    long number => JsonValue.Create(number),
                    _ => value is null ? null : JsonValue.Create(value.ToString()),
                };
            }
            await Console.Out.WriteLineAsync(new JsonObject { ["settings"] = settings }.ToJsonString(CliJson.Options));
            return 0;
        });
        return command;
    }
}
