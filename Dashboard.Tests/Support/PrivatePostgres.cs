using System.Diagnostics;
using Npgsql;

namespace Dashboard.Tests.Support;

/// <summary>
/// A PostgreSQL server of a test's own, which the test may stop and start again (the shared one of <see cref="TestPostgres"/>
/// serves every other test): Debian's binaries (<c>/usr/lib/postgresql/VERSION/bin</c>, the newest, or <c>PG_BIN</c>), a
/// cluster made by <c>initdb</c> in a temporary folder on a free port of loopback, trusted on loopback. Run as root, the
/// cluster belongs to the <c>postgres</c> user (PostgreSQL refuses to run as root).
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private PrivatePostgres(string bin, string folder, int port) => (_bin, _folder, _port) = (bin, folder, port);

    private string Data => Path.Combine(_folder, "data");

    /// <summary>The connection string of the database <c>dashboard</c> in it.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=dashboard;Timeout=3;Pooling=true";

    public static PrivatePostgres Start()
    {
        var bin = Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured ? configured
            : Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => int.Parse(Path.GetFileName(d), System.Globalization.CultureInfo.InvariantCulture))
                .Select(d => Path.Combine(d, "bin")).LastOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
              ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql; .ci/run does).");
        var folder = Directory.CreateTempSubdirectory("dashboard-pg-").FullName;
        var server = new PrivatePostgres(bin, folder, AppProcess.FreePort());
        if (Environment.UserName == "root")
        {
            Run("chown", "postgres:postgres", folder);
        }
        server.Pg("initdb", "-D", server.Data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8");
        server.StartAgain();
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE DATABASE dashboard;";
            create.ExecuteNonQuery();
        }
        return server;
    }

    /// <summary>Stops the server at once (its clients' connections are cut), as a crashed or stopped database would.</summary>
    public void Stop() => Pg("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public void StartAgain() => Pg("pg_ctl", "-D", Data, "-w", "-l", Path.Combine(_folder, "log"),
        "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        Directory.Delete(_folder, recursive: true);
    }

    private void Pg(string tool, params string[] args) =>
        Run(Environment.UserName == "root" ? "runuser" : Path.Combine(_bin, tool),
            Environment.UserName == "root" ? ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args] : args);

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {error.Result}{output.Result}");
        }
    }
}
