namespace Dashboard.Core.Users;

public sealed record SignInResult(SignInOutcome Outcome, UserAccount? User = null, DateTimeOffset? LockedUntil = null);
