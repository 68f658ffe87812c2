namespace Dashboard.Core.Alerts;

/// <summary>A rule that cannot be saved or an action that is not allowed: <see cref="Exception.Message"/> says which input and why.</summary>
public sealed class AlertRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
