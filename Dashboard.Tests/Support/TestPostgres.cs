using Dashboard.Core.Data;
using Dashboard.Core.Data.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Dashboard.Tests.Support;

/// <summary>
/// The PostgreSQL server the store tests also run against (decision 0013): <c>DASHBOARD_TEST_POSTGRES</c>, or the role that
/// <c>.ci/run</c> creates on loopback. Each test gets a database of its own, copied from a template that is migrated once
/// per run (named after the schema steps, so a changed step makes a new one), and dropped afterwards.
/// </summary>
public static class TestPostgres
{
    private const string DefaultServer = "Host=127.0.0.1;Port=5432;Username=dashboard;Password=dashboard;Database=postgres";
    private static readonly Lock Gate = new();
    private static string? _template;

    public static string Server => Environment.GetEnvironmentVariable("DASHBOARD_TEST_POSTGRES") is { Length: > 0 } configured ? configured : DefaultServer;

    /// <summary>A new, empty or migrated database; returns its connection string.</summary>
    public static string CreateDatabase(bool migrate)
    {
        var name = $"dashboard_test_{Guid.NewGuid():N}";
        var template = migrate ? Template() : null;
        Admin($"CREATE DATABASE {name}" + (template is null ? ";" : $" TEMPLATE {template};"));
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops a test's database. An autovacuum worker still busy in it cannot be stopped by a role that is not a superuser:
    /// the drop is tried again for a few seconds, and a database left over is only disk space (its name says what it is).
    /// </summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE);");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                if (attempt == 20)
                {
                    return;
                }
                Thread.Sleep(250);
            }
        }
    }

    private static string Template()
    {
        lock (Gate)
        {
            if (_template is not null)
            {
                return _template;
            }
            var steps = string.Concat(SchemaSteps.All.Select(s => s.Version + Dashboard.Core.Data.PostgreSql.PostgreSqlDialect.Translate(s.Sql)));
            var name = $"dashboard_template_{Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(steps)))[..16].ToLowerInvariant()}";
            if (Admin($"SELECT 1 FROM pg_database WHERE datname = '{name}';") is null)
            {
                var building = name + "_building";
                Admin($"DROP DATABASE IF EXISTS {building} WITH (FORCE);");
                Admin($"CREATE DATABASE {building};");
                using (var store = new DashboardStore(new NpgsqlConnectionStringBuilder(Server) { Database = building }.ConnectionString, ".", StoreProvider.PostgreSql))
                {
                    new SchemaMigrator(NullLogger<SchemaMigrator>.Instance).Migrate(store);
                }
                NpgsqlConnection.ClearAllPools();
                Admin($"ALTER DATABASE {building} RENAME TO {name};");
            }
            return _template = name;
        }
    }

    private static object? Admin(string sql)
    {
        try
        {
            using var connection = new NpgsqlConnection(Server);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar();
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            throw new InvalidOperationException(
                "The store tests also run on PostgreSQL and found no server: start one on loopback with a role that may create " +
                "databases (`.ci/run` installs Debian's postgresql and creates dashboard/dashboard), or point DASHBOARD_TEST_POSTGRES " +
                $"at one. Tried: {new NpgsqlConnectionStringBuilder(Server) { Password = null }}.", e);
        }
    }
}
