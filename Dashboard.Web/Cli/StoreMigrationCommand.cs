using System.CommandLine;
using System.Text.Json;
using Dashboard.Core.Data;
using Dashboard.Core.Data.Schema;

namespace Dashboard.Web.Cli;

/// <summary><c>migrate-store --to CONNECTION</c>: the configured store copied into an empty PostgreSQL database (decision 0013).</summary>
internal static class StoreMigrationCommand
{
    public static Command Create()
    {
        var to = new Option<string>("--to")
        {
            Required = true,
            HelpName = "CONNECTION",
            Description = "The empty PostgreSQL database to copy into: \"Host=…;Database=…;Username=…;Password=…\".",
        };
        var migrate = new Command("migrate-store", """
            Copy the configured store (e.g. the SQLite file) into the empty PostgreSQL
            database --to "Host=…;Database=…;Username=…;Password=…", ids and all, in one
            transaction; count every table's rows on both sides, and keep nothing if any
            count differs (exit code 1).
            """) { to };
        return migrate.RunsInHost((parse, services) => MigrateAsync(services, parse.GetRequiredValue(to)));
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string connectionString)
    {
        var source = services.GetRequiredService<DashboardStore>();
        using var target = new DashboardStore(connectionString, Directory.GetCurrentDirectory(), StoreProvider.PostgreSql);
        services.GetRequiredService<SchemaMigrator>().Migrate(target);
        var result = await Task.Run(() => StoreCopy.Copy(source, target, new Progress<string>(stage => Console.Error.WriteLine(stage))));
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new
        {
            from = source.Location,
            to = target.Location,
            copied = result.Committed,
            tables = result.Tables.ToDictionary(t => t.Table, t => new { source = t.Source, target = t.Target }),
            seconds = Math.Round(result.Seconds, 1),
            error = result.Error,
        }, CliJson.Options));
        return result.Committed ? 0 : 1;
    }
}
