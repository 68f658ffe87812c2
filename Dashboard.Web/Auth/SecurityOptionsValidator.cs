using Microsoft.Extensions.Options;

namespace Dashboard.Web.Auth;

/// <summary>Each of <c>Security:AllowedOrigins</c> is an origin as a browser sends it: a scheme, a host and maybe a port, no path.</summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var wrong = options.Origins.Where(o => !(Uri.TryCreate(o, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.AbsolutePath == "/" && uri.Query.Length == 0)).ToList();
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(
            $"Security:AllowedOrigins has {string.Join(", ", wrong.Select(o => $"'{o}'"))}, which {(wrong.Count == 1 ? "is not an origin" : "are not origins")} such as https://dashboard.example.com.");
    }
}
