using System.Net;

namespace Dashboard.Web.Hosting;

/// <summary>
/// The <c>Metrics</c> section: whether the app measures itself through OpenTelemetry, and who may read <c>/metrics</c>
/// besides the machine itself (decision 0029-metrics-and-traces).
/// </summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Measure and serve <c>/metrics</c> (and send the measurements over OTLP when an endpoint is set). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Addresses or networks (CIDR: <c>10.0.0.0/8</c>, <c>fd00::/8</c>) besides loopback whose requests <c>/metrics</c>
    /// answers; every other address gets 404. Default none.
    /// </summary>
    public string[] AllowedNetworks { get; set; } = [];

    /// <summary>Whether a request from <paramref name="address"/> may read the metrics (an unknown address may not).</summary>
    public bool Allows(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return IPAddress.IsLoopback(address) || AllowedNetworks.Any(n => TryParseNetwork(n, out var network) && network.Contains(address));
    }

    /// <summary>An address (a network of one) or a network in CIDR notation.</summary>
    public static bool TryParseNetwork(string? text, out IPNetwork network)
    {
        var trimmed = text?.Trim();
        if (IPAddress.TryParse(trimmed, out var address) && !trimmed!.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }
        return IPNetwork.TryParse(trimmed, out network);
    }
}
