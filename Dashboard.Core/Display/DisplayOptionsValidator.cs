using Microsoft.Extensions.Options;

namespace Dashboard.Core.Display;

/// <summary>Refuses a <c>Display:Culture</c> that .NET does not know, in one sentence that names the setting.</summary>
public sealed class DisplayOptionsValidator : IValidateOptions<DisplayOptions>
{
    public ValidateOptionsResult Validate(string? name, DisplayOptions options) =>
        string.IsNullOrWhiteSpace(options.Culture) || DisplayCultures.Find(options.Culture) is not null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{DisplayOptions.SectionName}:{nameof(DisplayOptions.Culture)} must be a culture name such as en-IN or en-US, or empty for the default; '{options.Culture}' is not one.");
}
