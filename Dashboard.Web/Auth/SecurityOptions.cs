namespace Dashboard.Web.Auth;

/// <summary>
/// The <c>Security</c> section: <c>Security:AllowedOrigins</c>, origins besides the request's own that may use the API
/// and the circuit (<see cref="CrossSiteRequests"/>), e.g. the public address when a proxy rewrites the Host header;
/// separated by commas, semicolons or spaces.
/// </summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    public string? AllowedOrigins { get; set; }

    /// <summary>The origins of <see cref="AllowedOrigins"/>, without a trailing slash.</summary>
    public IReadOnlySet<string> Origins => (AllowedOrigins ?? "")
        .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(o => o.TrimEnd('/'))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
