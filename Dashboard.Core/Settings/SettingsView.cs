using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Settings;

/// <summary>
/// The effective settings (given or default) of every section added with <see cref="SettingsServices.AddSettings{T}"/>,
/// by full path (<c>Mail:Smtp:Port</c>), as they may be shown: secrets masked (<see cref="SecretMask"/>).
/// </summary>
public static class SettingsView
{
    public static IReadOnlyList<KeyValuePair<string, object?>> Of(IServiceProvider services)
    {
        var shown = new List<KeyValuePair<string, object?>>();
        foreach (var section in services.GetServices<SettingsSection>())
        {
            var options = services.GetRequiredService(typeof(IOptions<>).MakeGenericType(section.OptionsType));
            var value = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options)!;
            Walk(section.Name, value, shown);
        }
        return shown;
    }

    private static void Walk(string path, object? value, List<KeyValuePair<string, object?>> shown)
    {
        if (value is not null && SettingValues.DictionaryValueType(value.GetType()) is not null)
        {
            foreach (System.Collections.DictionaryEntry entry in (System.Collections.IDictionary)value)
            {
                Walk($"{path}:{entry.Key}", entry.Value, shown);
            }
        }
        else if (value is System.Collections.IEnumerable items && SettingValues.ElementType(value.GetType()) is not null)
        {
            // A list by its items' paths (Metrics:AllowedNetworks:0), as the settings give them.
            var index = 0;
            foreach (var item in items)
            {
                Walk($"{path}:{index++}", item, shown);
            }
        }
        else if (value is not null && SettingValues.IsNested(value.GetType()))
        {
            foreach (var property in SettingValues.Bound(value.GetType()))
            {
                var key = property.GetCustomAttribute<SettingPathAttribute>()?.Path ?? $"{path}:{SettingValues.KeyOf(property)}";
                Walk(key, property.GetValue(value), shown);
            }
        }
        else
        {
            shown.Add(new(path, value switch
            {
                null or bool or int or long => value,
                string text => SecretMask.Shown(path, text),
                IFormattable formattable => SecretMask.Shown(path, formattable.ToString(null, CultureInfo.InvariantCulture)),
                _ => SecretMask.Shown(path, value.ToString()),
            }));
        }
    }
}
