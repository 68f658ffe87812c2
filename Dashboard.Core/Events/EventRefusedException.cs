namespace Dashboard.Core.Events;

/// <summary>An event that cannot be saved: <see cref="Exception.Message"/> says which input and why.</summary>
public sealed class EventRefusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
