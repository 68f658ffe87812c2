using Microsoft.Extensions.Options;

namespace Dashboard.Core.Users;

/// <summary>The first admin's name and password go together, and the password is as long as any other must be.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var named = !string.IsNullOrWhiteSpace(options.AdminUserName);
        var hasPassword = !string.IsNullOrEmpty(options.AdminPassword);
        if (named != hasPassword)
        {
            return ValidateOptionsResult.Fail(
                "Auth:Admin:UserName and Auth:Admin:Password go together: set both (or neither, to use the setup page).");
        }
        if (hasPassword && options.AdminPassword!.Length < options.MinPasswordLength)
        {
            return ValidateOptionsResult.Fail(
                $"Auth:Admin:Password is shorter than Auth:MinPasswordLength ({options.MinPasswordLength} characters).");
        }
        return ValidateOptionsResult.Success;
    }
}
