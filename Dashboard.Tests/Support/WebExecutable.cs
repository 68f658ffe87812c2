using System.Diagnostics;

namespace Dashboard.Tests.Support;

/// <summary>The built Dashboard.Web executable (its apphost, on the installed .NET 10 runtime), run as a real process.</summary>
public static class WebExecutable
{
    /// <summary><c>Dashboard.Web/bin/CONFIG/net10.0/Dashboard.Web</c>, beside this test assembly's own output folder.</summary>
    public static string Path
    {
        get
        {
            var testOutput = AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar);
            var marker = $"{System.IO.Path.DirectorySeparatorChar}Dashboard.Tests{System.IO.Path.DirectorySeparatorChar}";
            var at = testOutput.LastIndexOf(marker, StringComparison.Ordinal);
            var path = testOutput[..at] + $"{System.IO.Path.DirectorySeparatorChar}Dashboard.Web{System.IO.Path.DirectorySeparatorChar}" +
                testOutput[(at + marker.Length)..] + $"{System.IO.Path.DirectorySeparatorChar}Dashboard.Web";
            return File.Exists(path) ? path : throw new FileNotFoundException("Build Dashboard.Web first (the test project references it).", path);
        }
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>Runs a CLI verb against the given database, from <paramref name="workingDirectory"/>, and waits for it.</summary>
    public static Task<Result> RunAsync(string connectionString, string workingDirectory, params string[] args) =>
        RunWithInputAsync(null, connectionString, workingDirectory, args);

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="input"/> written to the verb's standard input.</summary>
    public static async Task<Result> RunWithInputAsync(string? input, string connectionString, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ConnectionStrings__Dashboard"] = connectionString;
        start.Environment["PWD"] = workingDirectory;
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // a guard against a hung process, not a timing assertion: a fresh process JIT-compiles ML.NET, and a shared 2-core machine can be slow
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
