using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Settings;

/// <summary>
/// How every section of the settings reaches the code (docs/decisions/0026-settings-options-at-start.md): an options class bound with
/// <c>BindConfiguration</c>, whose values are checked before they are bound (<see cref="SettingValueCheck{T}"/>: a value
/// the binder cannot convert is a sentence naming the setting, not the binder's exception), whose DataAnnotations are
/// checked with the setting's path as its name (<see cref="SettingAnnotations{T}"/>), plus any <c>IValidateOptions</c>
/// of the section's own, all at start (<c>ValidateOnStart</c>). Consumers inject <c>IOptions&lt;T&gt;</c>.
/// </summary>
public static class SettingsServices
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.AddSingleton(new SettingsSection(section, typeof(T)));
        // Before the binding (configure steps run in the order they were added): the binder would throw on the first value
        // it cannot convert, in its own words.
        services.AddSingleton<IConfigureOptions<T>>(sp => new SettingValueCheck<T>(sp.GetRequiredService<IConfiguration>(), section));
        services.AddSingleton<IValidateOptions<T>>(new SettingAnnotations<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>The configuration the settings are bound from, for a service collection built outside a host (a test's).</summary>
    public static IServiceCollection AddSettingsSource(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(configuration);
        return services;
    }

    /// <summary>
    /// Binds and validates every section now, as <c>ValidateOnStart</c> does when a host starts: for the work that comes
    /// before it (the store's schema steps) and for the verbs, whose hosts never start. Throws
    /// <see cref="SettingsException"/> with every problem found, each a sentence naming its setting.
    /// </summary>
    public static void CheckSettings(this IServiceProvider services)
    {
        if (SettingsException.Find(services) is { Count: > 0 } problems)
        {
            throw new SettingsException(problems);
        }
    }
}
