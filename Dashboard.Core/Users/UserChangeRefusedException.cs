namespace Dashboard.Core.Users;

/// <summary>A change to a user that the rules refuse; the message is for the person who asked for it.</summary>
public sealed class UserChangeRefusedException(string message) : Exception(message);
