using MimeKit;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Digests;

/// <summary>The <c>Mail</c> values that were given and are wrong, or that go together and were given alone.</summary>
public sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        var problems = new List<string>();
        if (options.From is { Length: > 0 } from && !MailboxAddress.TryParse(from, out _))
        {
            problems.Add($"Mail:Smtp:From is '{from}', which is not an e-mail address.");
        }
        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            problems.Add("Mail:Smtp:UserName and Mail:Smtp:Password go together: set both or neither.");
        }
        if (options.PublicUrl is { Length: > 0 } url
            && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            problems.Add($"Mail:PublicUrl is '{url}', which is not an absolute http(s) address such as https://dashboard.example.com/.");
        }
        if (options.DefaultTimeZone is { Length: > 0 } zone && DigestSchedule.FindZone(zone) is null)
        {
            problems.Add($"Mail:DefaultTimeZone is '{zone}', which is not a time zone (an IANA id such as Europe/Berlin).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
