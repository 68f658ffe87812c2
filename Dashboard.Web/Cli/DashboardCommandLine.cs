using System.CommandLine;

namespace Dashboard.Web.Cli;

/// <summary>
/// The executable's command line, read by System.CommandLine (<see cref="CommandTree"/>): a verb runs and ends, help is
/// printed, or, with no verb, the web server starts. A command line that cannot be used (a word that is not a verb, an
/// unknown option, a missing or malformed argument) ends at once with exit code 2, before anything is started or
/// opened, with the problem and the help on stderr.
/// </summary>
public static class DashboardCommandLine
{
    /// <summary>The exit code of a command line that could not be used; 1 remains a verb's "it did not work".</summary>
    public const int UsageError = 2;

    /// <param name="args">The process's arguments.</param>
    /// <param name="startWebServer">Runs the web server, given the host settings; for when no verb is given.</param>
    public static Task<int> RunAsync(string[] args, Func<string[], Task<int>> startWebServer)
    {
        var root = CommandTree.Create(startWebServer);
        // An argument is what the shell gave: a file named @x.csv is a file to import, not a response file to expand.
        var parse = root.Parse(HostArguments.ForParser(root, args), new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            return Task.FromResult(ReportUsageError(parse));
        }
        // Exceptions go on to StartupErrors (one line, exit code 1); Ctrl+C and SIGTERM stay the web host's to handle.
        return parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
    }

    private static int ReportUsageError(ParseResult parse)
    {
        // System.CommandLine's report (the errors, suggestions for a misspelled option, the command's help), on stderr.
        parse.Invoke(new InvocationConfiguration
        {
            Output = Console.Error,
            Error = Console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        });
        if (parse.CommandResult.Command is not RootCommand)
        {
            var verbs = parse.RootCommandResult.Command.Subcommands.Select(c => c.Name);
            Console.Error.WriteLine($"Verbs: {string.Join(", ", verbs)}. {RootCommand.ExecutableName} --help describes each.");
        }
        return UsageError;
    }
}
