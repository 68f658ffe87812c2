namespace Dashboard.Core.Paging;

/// <summary>
/// Where each page that one reader (a rows explorer's circuit) has read of one listing ends: a listing being a filter, a
/// search, a sort and a page size. A page starts after the end of the nearest page before it that was read, so that "next"
/// and "previous" read by keyset instead of OFFSET (docs/decisions/0035-keyset-rows.md); a page with no page before it
/// read (opened from a URL's <c>page=N</c>, a jump to the last page) starts at an offset. Another listing forgets them all.
/// </summary>
public sealed class PageCursors<TCursor>
    where TCursor : class
{
    private readonly Dictionary<int, TCursor> _ends = [];
    private string? _listing;

    /// <summary>The pages whose ends are known (for the tests and the decision's reasoning: one entry a page read).</summary>
    public int Known => _ends.Count;

    /// <summary>
    /// Where <paramref name="page"/> (from 0) of <paramref name="listing"/> starts: after the end of the nearest earlier page
    /// read and <c>Offset</c> rows on (0 for the very next page), or with no cursor at <paramref name="page"/> × <paramref name="size"/>.
    /// </summary>
    public (TCursor? After, int Offset) StartOf(string listing, int page, int size)
    {
        if (!string.Equals(listing, _listing, StringComparison.Ordinal))
        {
            _ends.Clear();
            _listing = listing;
        }
        var nearest = -1;
        foreach (var known in _ends.Keys)
        {
            if (known < page && known > nearest)
            {
                nearest = known;
            }
        }
        return nearest < 0 ? (null, checked(page * size)) : (_ends[nearest], checked((page - 1 - nearest) * size));
    }

    /// <summary>Remembers that <paramref name="page"/> of <paramref name="listing"/> ends at <paramref name="end"/> (a page of another listing is ignored).</summary>
    public void Ended(string listing, int page, TCursor end)
    {
        if (string.Equals(listing, _listing, StringComparison.Ordinal))
        {
            _ends[page] = end;
        }
    }
}
