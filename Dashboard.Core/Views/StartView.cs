namespace Dashboard.Core.Views;

/// <summary>The view a user's root address (<c>/</c>) opens: one per user, gone with the view.</summary>
public sealed class StartView
{
    public long UserId { get; set; }
    public long ViewId { get; set; }
}
