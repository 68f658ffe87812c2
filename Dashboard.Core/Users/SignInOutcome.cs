namespace Dashboard.Core.Users;

public enum SignInOutcome
{
    Success,
    /// <summary>Unknown user name or wrong password: the two are not told apart.</summary>
    WrongCredentials,
    LockedOut,
    /// <summary>The password was right, but an admin has disabled the account.</summary>
    Disabled,
}
