using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Users;

/// <summary>
/// Admins add users, set their role, reset a password (which also unlocks the account) and disable or enable a user,
/// and read the audit log. Every action checks on the server that the one asking is still an admin.
/// </summary>
public sealed partial class UsersPage
{
    private IReadOnlyList<UserAccount>? _users;
    private MudDataGrid<AuditEntry>? _auditGrid;
    private readonly Dictionary<long, string> _resets = [];
    private string _newName = "";
    private string _newPassword = "";
    private Role _newRole = Role.Viewer;
    private string? _message;
    private bool _messageIsError;

    [Inject]
    private UserService Users { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    protected override Task OnInitializedAsync() => RefreshAsync();

    private async Task RefreshAsync()
    {
        _users = await Users.ListAsync();
        if (_auditGrid is not null)
        {
            await _auditGrid.ReloadServerData();
        }
    }

    private Task AddAsync() => ActAsync(async admin =>
    {
        var user = await Users.CreateAsync(_newName, _newPassword, _newRole, admin.UserName);
        (_newName, _newPassword) = ("", "");
        return $"Added {user.UserName} as {user.Role}.";
    });

    private Task SetRoleAsync(UserAccount user, Role role) => ActAsync(async admin =>
        $"{(await Users.SetRoleAsync(user.Id, role, admin.UserName)).UserName} is now {role}.");

    private async Task ResetAsync(UserAccount user)
    {
        if (await Confirm($"Reset {user.UserName}'s password?",
                "They are signed out everywhere and can sign in with the new password at once; a locked account is unlocked.", "Reset") )
        {
            await ActAsync(async admin => await ResetPasswordAsync(admin, user));
        }
    }

    private async Task<string> ResetPasswordAsync(UserAccount admin, UserAccount user)
    {
        await Users.ResetPasswordAsync(user.Id, _resets.GetValueOrDefault(user.Id, ""), admin.UserName);
        _resets.Remove(user.Id);
        return $"{user.UserName}'s password has been reset; they are signed out everywhere and can sign in with the new one.";
    }

    private async Task SetDisabledAsync(UserAccount user, bool disabled)
    {
        if (disabled && !await Confirm($"Disable {user.UserName}?", "They are signed out everywhere and cannot sign in until an admin enables them again.", "Disable"))
        {
            return;
        }
        await ActAsync(async admin =>
        {
            await Users.SetDisabledAsync(user.Id, disabled, admin.UserName);
            return disabled ? $"{user.UserName} is disabled and signed out everywhere." : $"{user.UserName} can sign in again.";
        });
    }

    private async Task<bool> Confirm(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Cancel") == true;

    private async Task ActAsync(Func<UserAccount, Task<string>> action)
    {
        try
        {
            var admin = await CurrentUser.RequireAsync(Role.Admin);
            (_message, _messageIsError) = (await action(admin), false);
            Snackbar.Add(_message, Severity.Success);
        }
        catch (UserChangeRefusedException refused)
        {
            (_message, _messageIsError) = (refused.Message, true);
        }
        await RefreshAsync();
    }

    private async Task<GridData<AuditEntry>> LoadAuditAsync(GridState<AuditEntry> state, CancellationToken cancellationToken)
    {
        var page = await Audit.PageAsync(state.Page * state.PageSize, state.PageSize, cancellationToken);
        return new GridData<AuditEntry> { Items = page.Entries, TotalItems = page.Total };
    }

    private string Reset(UserAccount user) => _resets.GetValueOrDefault(user.Id, "");

    private void SetReset(UserAccount user, string? value) => _resets[user.Id] = value ?? "";

    private static string State(UserAccount user) => user switch
    {
        { IsDisabled: true } => "disabled",
        { LockedUntil: { } until } when until > DateTimeOffset.UtcNow => $"locked until {Text.When(until)}",
        _ => "active",
    };
}
