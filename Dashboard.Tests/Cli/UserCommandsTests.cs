using System.Text.Json;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Cli;

/// <summary>
/// The operator's way back in (decision 0008): users added and passwords reset through the executable's verbs, with the
/// password on standard input, never on the command line.
/// </summary>
public sealed class UserCommandsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private UserService Users()
    {
        var contexts = _db.Contexts();
        var audit = new AuditLog(contexts, TimeProvider.System, NullLogger<AuditLog>.Instance);
        return new UserService(contexts, Microsoft.Extensions.Options.Options.Create(new AuthOptions()), audit, TimeProvider.System);
    }

    [Fact]
    public async Task AnOperatorAddsAUserAndResetsALockedOutAdminsPassword()
    {
        var added = await WebExecutable.RunWithInputAsync("first-password\n", _db.ConnectionString, _db.Folder, "add-user", "boss", "admin");
        Assert.True(added.ExitCode == 0, added.Stderr);
        var users = Users();
        for (var i = 0; i < 5; i++)
        {
            await users.SignInAsync("boss", "wrong-password", null);
        }
        Assert.Equal(SignInOutcome.LockedOut, (await users.SignInAsync("boss", "first-password", null)).Outcome);

        var reset = await WebExecutable.RunWithInputAsync("second-password\n", _db.ConnectionString, _db.Folder, "reset-password", "BOSS");
        var listed = await WebExecutable.RunAsync(_db.ConnectionString, _db.Folder, "users");

        Assert.True(reset.ExitCode == 0, reset.Stderr);
        Assert.Equal(SignInOutcome.Success, (await Users().SignInAsync("boss", "second-password", null)).Outcome);
        var only = JsonDocument.Parse(listed.Stdout).RootElement.GetProperty("users").EnumerateArray().Single();
        Assert.Equal("boss", only.GetProperty("userName").GetString());
        Assert.Equal("Admin", only.GetProperty("role").GetString());
        Assert.DoesNotContain("password", listed.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.Contains((await Users().ListAsync()), u => u.UserName == "boss");
    }

    [Fact]
    public async Task AResetForAnUnknownUserOrWithoutAPasswordSaysWhyAndFails()
    {
        var unknown = await WebExecutable.RunWithInputAsync("some-password\n", _db.ConnectionString, _db.Folder, "reset-password", "nobody");
        var empty = await WebExecutable.RunWithInputAsync("", _db.ConnectionString, _db.Folder, "add-user", "ana", "viewer");
        var shortPassword = await WebExecutable.RunWithInputAsync("short\n", _db.ConnectionString, _db.Folder, "add-user", "ana", "viewer");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no user named 'nobody'", unknown.Stderr);
        Assert.Equal(2, empty.ExitCode);
        Assert.Contains("standard input", empty.Stderr);
        Assert.Equal(1, shortPassword.ExitCode);
        Assert.Contains("at least 8 characters", shortPassword.Stderr);
        Assert.Empty(await Users().ListAsync());
    }

}
