using System.CommandLine;
using System.CommandLine.Parsing;

namespace Dashboard.Web.Cli;

/// <summary>
/// The executable's command line: with no verb, the web server, given the host's settings; the operator verbs, each
/// with its arguments, options and help (one binary to deploy); and <c>help [VERB]</c>.
/// </summary>
internal static class CommandTree
{
    private const string Description = """
        The sales dashboard.
        With no verb, it starts the web server. Its arguments are then ASP.NET Core host settings, as --key value or
        --key=value: --urls http://127.0.0.1:5080, --environment Production, --ConnectionStrings:Dashboard=...
        A verb runs once and ends. It uses the app's configuration (appsettings.json, environment variables such as
        ConnectionStrings__Dashboard, and --Section:Key=value settings after the verb), prints one JSON object on
        stdout (logs and progress go to stderr), and resolves file paths against the directory it is run from.
        VERB --help describes a verb. Exit code 2: the command line could not be used, and nothing was started.
        """;

    public static RootCommand Create(Func<string[], Task<int>> startWebServer)
    {
        var settings = new Argument<string[]>("settings") { Hidden = true, CaptureRemainingTokens = true, Arity = ArgumentArity.ZeroOrMore };
        settings.Validators.Add(NoUnknownVerb);
        var root = new RootCommand(Description) { settings };
        root.Options.Remove(root.Options.OfType<VersionOption>().Single()); // --version stays a host argument, as it was
        Command[] verbs =
        [
            DataCommands.Import(), DataCommands.Stats(), DataCommands.Train(),
            UserCommands.List(), UserCommands.Add(), UserCommands.ResetPassword(),
            StoreMigrationCommand.Create(), DigestCommand.Create(), AlertCommand.Create(), CheckConfigCommand.Create(),
        ];
        foreach (var verb in verbs)
        {
            root.Subcommands.Add(verb);
        }
        root.Subcommands.Add(Help(root));
        root.SetAction(parse => startWebServer(parse.GetValue(settings) ?? []));
        return root;
    }

    /// <summary>A first argument that is neither a verb nor a host setting is a verb misspelled: nothing is started.</summary>
    private static void NoUnknownVerb(ArgumentResult settings)
    {
        if (settings.Tokens is [var first, ..] && !HostArguments.CanBeginSettings(first.Value))
        {
            settings.AddError($"'{first.Value}' is not a verb. With no verb, {RootCommand.ExecutableName} starts the web server, " +
                "and its arguments are host settings (--urls http://127.0.0.1:5080, --Section:Key=value).");
        }
    }

    /// <summary><c>help [VERB]</c>: what <c>--help</c> and <c>VERB --help</c> print.</summary>
    private static Command Help(RootCommand root)
    {
        var verb = new Argument<string?>("VERB") { HelpName = "VERB", Description = "The verb to describe.", Arity = ArgumentArity.ZeroOrOne };
        verb.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, [.. root.Subcommands.Select(c => c.Name)]);
        var help = new Command("help", "Print this help, or a verb's (as VERB --help does).") { verb };
        help.SetAction(parse =>
        {
            string[] args = parse.GetValue(verb) is { } name ? [name, "--help"] : ["--help"];
            return root.Parse(HostArguments.ForParser(root, args)).Invoke(parse.InvocationConfiguration);
        });
        return help;
    }
}
