namespace Dashboard.Core.Views;

/// <summary>A change to a view that was refused, with the reason a person can read and its kind.</summary>
public sealed class ViewRefusedException(ViewRefusal refusal, string message) : Exception(message)
{
    public ViewRefusal Refusal { get; } = refusal;
}
