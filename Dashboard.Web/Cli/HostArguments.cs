using System.CommandLine;

namespace Dashboard.Web.Cli;

/// <summary>
/// The host's configuration on the command line, told apart from the verbs. ASP.NET Core's command-line configuration
/// reads <c>--key value</c>, <c>--key=value</c>, <c>/key value</c> and <c>key=value</c>. With no verb, every argument
/// is the web server's and reaches it as given (<c>--urls http://127.0.0.1:5080 --environment Production</c>). After a
/// verb, the host settings are the <c>--Section:Key=value</c> ones, as they always were.
/// </summary>
internal static class HostArguments
{
    /// <summary>
    /// Host setting that stops appsettings.json from being watched. The watcher covers the content root and every
    /// folder below it, so it wakes for every write to a database kept there (App_Data): a third more CPU on an import.
    /// </summary>
    public const string NoConfigWatcher = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>
    /// Whether the first argument, not being a verb, can begin the web server's settings. A bare word (<c>importt</c>)
    /// cannot: it is a misspelled or unknown verb, not a reason to start the web server.
    /// </summary>
    public static bool CanBeginSettings(string first) => first.StartsWith('-') || first.StartsWith('/') || first.Contains('=');

    /// <summary>
    /// The arguments as System.CommandLine is given them. With a verb first, each host setting beside the verb's own
    /// arguments is put behind the hidden <see cref="VerbHost.Settings"/> option, so that a FILE or NAME never takes
    /// one and a misspelled option is still an error. The verb and its options are matched in any case, as before
    /// (IMPORT is import, --DRY-RUN is --dry-run). With no verb, the arguments are left as they are.
    /// </summary>
    public static string[] ForParser(RootCommand root, string[] args)
    {
        var verb = args.Length == 0 ? null
            : root.Subcommands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (verb is null)
        {
            return args;
        }
        var options = verb.Options.Concat(root.Options.Where(o => o.Recursive)).ToList();
        var prepared = new List<string>(args.Length + 4) { verb.Name };
        var isValue = false; // the argument is the value of the option before it
        for (var i = 1; i < args.Length; i++)
        {
            var argument = args[i];
            if (argument == "--")
            {
                prepared.AddRange(args[i..]); // after "--", every argument is the verb's own, as given
                break;
            }
            if (isValue)
            {
                prepared.Add(argument);
                isValue = false;
                continue;
            }
            var name = argument.Split(':', '=')[0];
            if (options.FirstOrDefault(o => o.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
                || o.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase)) is { } option)
            {
                prepared.Add(option.Name + argument[name.Length..]);
                isValue = name.Length == argument.Length && option.ValueType != typeof(bool) && option.Arity.MaximumNumberOfValues > 0;
            }
            else if (argument.StartsWith("--", StringComparison.Ordinal) && argument.Contains('=') && verb.Options.Contains(VerbHost.Settings))
            {
                prepared.AddRange([VerbHost.Settings.Name, argument]);
            }
            else
            {
                prepared.Add(argument);
            }
        }
        return [.. prepared];
    }
}
