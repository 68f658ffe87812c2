using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary><c>Health:DrainSeconds</c> is 0 to <see cref="HealthOptions.MaxDrainSeconds"/>.</summary>
public sealed class HealthOptionsValidator : IValidateOptions<HealthOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthOptions options) =>
        options.DrainSeconds is >= 0 and <= HealthOptions.MaxDrainSeconds
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{HealthOptions.SectionName}:{nameof(HealthOptions.DrainSeconds)} is {options.DrainSeconds}; " +
                $"expected 0 to {HealthOptions.MaxDrainSeconds} seconds.");
}
