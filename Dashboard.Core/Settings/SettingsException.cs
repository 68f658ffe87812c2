using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Settings;

/// <summary>Settings that are wrong: each problem one sentence that names its setting.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems) : Exception(string.Join(" ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    /// <summary>What <c>ValidateOnStart</c> would find wrong, every section's problems together; empty when nothing is.</summary>
    public static IReadOnlyList<string> Find(IServiceProvider services)
    {
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception e) when (Of(e) is { } problems)
        {
            return problems;
        }
    }

    /// <summary>The sentences of a failed validation (one section's or several), or null when <paramref name="e"/> is not one.</summary>
    public static IReadOnlyList<string>? Of(Exception e) => e switch
    {
        SettingsException settings => settings.Problems,
        OptionsValidationException validation => validation.Failures.ToList(),
        AggregateException all when all.InnerExceptions.All(i => i is OptionsValidationException)
            => all.InnerExceptions.SelectMany(i => ((OptionsValidationException)i).Failures).ToList(),
        _ => null,
    };
}
