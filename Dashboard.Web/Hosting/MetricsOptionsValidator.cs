using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

/// <summary>Every entry of <c>Metrics:AllowedNetworks</c> must be an address or a network; a wrong one stops the start and is named.</summary>
public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options)
    {
        var failures = options.AllowedNetworks
            .Select((entry, i) => (entry, i))
            .Where(x => !MetricsOptions.TryParseNetwork(x.entry, out _))
            .Select(x => $"{MetricsOptions.SectionName}:{nameof(MetricsOptions.AllowedNetworks)}:{x.i} is '{x.entry}'; expected an address " +
                "or a network in CIDR notation, such as 10.0.0.0/8 or fd00::/8.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
