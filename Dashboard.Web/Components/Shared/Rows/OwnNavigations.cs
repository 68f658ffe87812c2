namespace Dashboard.Web.Components.Shared.Rows;

/// <summary>
/// The URLs a page navigated to itself, from its own state, that the browser has not confirmed yet. A location change that
/// is one of them is the page's own (its state is already newer or equal: nothing to read back); any other is someone else's
/// (a link, Back) and the page reads its state from it. So a slower, earlier navigation can never overwrite a later click.
/// </summary>
public sealed class OwnNavigations
{
    private readonly List<string> _pending = [];

    /// <summary>Remembers <paramref name="key"/> as on its way.</summary>
    public void Sent(string key) => _pending.Add(key);

    /// <summary>True when <paramref name="key"/> is one the page sent (it and the ones before it are done); false, and the
    /// pending ones forgotten, when it comes from elsewhere.</summary>
    public bool Arrived(string key)
    {
        var at = _pending.IndexOf(key);
        if (at < 0)
        {
            _pending.Clear();
            return false;
        }
        _pending.RemoveRange(0, at + 1);
        return true;
    }
}
