using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Settings;

/// <summary>
/// The DataAnnotations of <typeparamref name="T"/> and of the settings classes inside it, each failure the attribute's
/// own sentence with the setting's path as its name (<see cref="SettingRules"/>): "Mail:Smtp:Port must be a whole number
/// between 1 and 65535." (the platform's <c>ValidateDataAnnotations</c> wraps each in a sentence of its own).
/// </summary>
internal sealed class SettingAnnotations<T>(string section) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var problems = new List<string>();
        Check(options, section, problems);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Check(object target, string path, List<string> problems)
    {
        foreach (var property in SettingValues.Bound(target.GetType()))
        {
            var key = $"{path}:{SettingValues.KeyOf(property)}";
            var value = property.GetValue(target);
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateProperty(value, new ValidationContext(target) { MemberName = property.Name, DisplayName = key }, results))
            {
                problems.AddRange(results.Select(r => r.ErrorMessage ?? $"{key} is not valid."));
            }
            if (value is not null && SettingValues.IsNested(property.PropertyType))
            {
                Check(value, key, problems);
            }
        }
    }
}
