using Microsoft.Extensions.Options;

namespace Dashboard.Core.Data;

/// <summary>The connection string is given, and is one the chosen provider can read.</summary>
public sealed class StoreOptionsValidator : IValidateOptions<StoreOptions>
{
    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                $"{StoreOptions.ConnectionStringSetting} is not set (appsettings.json or ConnectionStrings__{StoreOptions.ConnectionStringName}).");
        }
        try
        {
            options.ParsedConnectionString();
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            // The driver's reason names the keyword, never the password's value.
            return ValidateOptionsResult.Fail(
                $"{StoreOptions.ConnectionStringSetting} is not a {options.Provider} connection string: {e.Message.TrimEnd('.')}.");
        }
    }
}
