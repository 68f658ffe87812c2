using System.Diagnostics;
using System.Net;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Cli;

/// <summary>
/// The executable's command line itself: help for it and for each verb, a misspelled verb or an unknown option refused
/// at once (exit code 2) before anything starts, and the web server still started, with its host settings, when no verb
/// is given.
/// </summary>
public sealed class CommandLineUsageTests : IDisposable
{
    private static readonly string[] Verbs = ["import", "stats", "train", "users", "add-user", "reset-password", "migrate-store", "send-digest"];

    /// <summary>An empty folder: the verbs run from it, and its database file exists only if something opened it.</summary>
    private readonly string _folder = Directory.CreateTempSubdirectory("dashboard-cli-").FullName;

    private string DatabaseFile => Path.Combine(_folder, "dashboard.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AMisspelledVerbExitsWithCode2NamesItListsTheVerbsAndStartsNothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "x.csv"), new AmazonCsv().Line("A-1").ToString());

        var result = await RunAsync("importt", "x.csv");

        // It ends by itself (the runner kills it after 20 s); how fast is a figure for the benchmarks, not a test.
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode} after {result.Elapsed.TotalSeconds:F1} s\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("'importt'", result.Stderr);
        Assert.All(Verbs, verb => Assert.Contains(verb, result.Stderr));
        Assert.DoesNotContain("Now listening", result.Stdout);
        Assert.False(File.Exists(DatabaseFile), "the database was opened");
    }

    [Fact]
    public async Task AnUnknownOptionOnAVerbExitsWithCode2NamesItAndImportsNothing()
    {
        await File.WriteAllTextAsync(Path.Combine(_folder, "x.csv"), new AmazonCsv().Line("A-1").ToString());

        var result = await RunAsync("import", "x.csv", "--bogus");

        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("--bogus", result.Stderr);
        Assert.All(Verbs, verb => Assert.Contains(verb, result.Stderr));
        Assert.Equal("", result.Stdout);
        Assert.False(File.Exists(DatabaseFile), "the database was opened");
    }

    [Theory]
    [InlineData("import", "--help")]
    [InlineData("import", "-h")]
    [InlineData("help", "import")]
    public async Task AVerbsHelpDescribesItsArgumentsAndOptionsAndStartsNothing(params string[] args)
    {
        var result = await RunAsync(args);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Contains("import <FILE>", result.Stdout);
        Assert.Contains("--dry-run", result.Stdout);
        Assert.Contains("Exit code 1 when the file is refused", result.Stdout);
        Assert.DoesNotContain("send-digest", result.Stdout); // that verb's help, not the whole list
        Assert.Equal("", result.Stderr);
        Assert.False(File.Exists(DatabaseFile), "the database was opened");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task TheHelpListsEveryVerbHowToGetAVerbsHelpAndTheWebServersSettings(string option)
    {
        var result = await RunAsync(option);

        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.All(Verbs, verb => Assert.Contains($"  {verb} ", result.Stdout));
        Assert.Contains("--help", result.Stdout);
        Assert.Contains("--urls", result.Stdout);
        Assert.False(File.Exists(DatabaseFile), "the database was opened");
    }

    [Fact]
    public async Task WithoutAVerbTheWebServerStartsWithTheHostSettingsGivenInBothForms()
    {
        var url = $"http://127.0.0.1:{AppProcess.FreePort()}";
        var exe = WebExecutable.Path;
        var start = new ProcessStartInfo(exe, ["--urls", url, "--environment=Production", "--Models:TrainOnFirstStart=false"])
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(exe)!, "..", "..", "..")), // its appsettings.json
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Dashboard"] = $"Data Source={DatabaseFile}";
        using var app = Process.Start(start)!;
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        app.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
                if (line.Contains($"Now listening on: {url}", StringComparison.Ordinal))
                {
                    listening.TrySetResult();
                }
            }
        };
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            // a guard against a server that never starts, not a timing assertion: a loaded 2-core machine can be slow
            await listening.Task.WaitAsync(TimeSpan.FromMinutes(3));
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            using var page = await http.GetAsync("/account/login");

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains(output, line => line.Contains("Hosting environment: Production", StringComparison.Ordinal));
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private sealed record Run(int? ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    /// <summary>
    /// The executable run from the empty folder, over a database file in it. A process still running after 20 s (a web
    /// server started by mistake) is killed and has no exit code.
    /// </summary>
    private async Task<Run> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(WebExecutable.Path, args)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["ConnectionStrings__Dashboard"] = $"Data Source={DatabaseFile}";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0"; // should a web server start after all, a free port
        start.Environment["PWD"] = _folder;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new Run(null, await stdout, await stderr, clock.Elapsed);
        }
        var elapsed = clock.Elapsed;
        return new Run(process.ExitCode, await stdout, await stderr, elapsed);
    }
}
