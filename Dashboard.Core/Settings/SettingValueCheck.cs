using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Settings;

/// <summary>
/// Runs before the binding of <typeparamref name="T"/>: every value given that the binder could not convert to its
/// property's type (<c>5e6</c> for a whole number, <c>Funday</c> for a day) fails the section with one sentence per value,
/// e.g. "Analytics:FrameMaxLines is '5e6'; expected a whole number.", instead of the binder's first exception.
/// </summary>
internal sealed class SettingValueCheck<T>(IConfiguration configuration, string section) : IConfigureOptions<T> where T : class
{
    public void Configure(T options)
    {
        if (SettingValues.Problems(configuration.GetSection(section), typeof(T)) is { Count: > 0 } problems)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), problems);
        }
    }
}
