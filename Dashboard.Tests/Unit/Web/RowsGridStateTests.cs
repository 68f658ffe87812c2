using Dashboard.Core.Purchases.Rows;
using Dashboard.Web.Components.Shared.Rows;

namespace Dashboard.Tests.Unit.Web;

/// <summary>A rows explorer's URL state, and which location changes are the page's own.</summary>
public sealed class RowsGridStateTests
{
    private static readonly RowsColumnSet<PurchaseRowsColumn> Set = new(PurchaseRowsColumns.All, PurchaseRowsColumns.KeyOf,
        PurchaseRowsColumns.All.ToDictionary(c => c, c => c.ToString()), PurchaseRowsColumn.UserId);

    private static List<KeyValuePair<string, string?>> Pairs(string query) =>
        [.. query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string?>(p[0], p[1]))];

    [Fact]
    public void AStateReadFromItsUrlWritesTheSameUrlAndDefaultsAreLeftOut()
    {
        const string query = "q=P00&sort=purchase&dir=desc&page=3&size=25&cols=userId,purchase";
        var state = RowsGridState<PurchaseRowsColumn>.Parse(Pairs(query), Set);
        Assert.Equal((PurchaseRowsColumn.Purchase, true, 2, 25, 50), (state.Sort, state.Descending, state.Page, state.Size, state.Offset));
        Assert.Equal(query, string.Join("&", state.ToPairs(Set, withPaging: true).Select(p => $"{p.Key}={p.Value}")));
        Assert.Equal("q=P00&sort=purchase&dir=desc", string.Join("&", state.ToPairs(Set, withPaging: false).Select(p => $"{p.Key}={p.Value}")));
        Assert.Empty(RowsGridState<PurchaseRowsColumn>.Default(Set).ToPairs(Set, withPaging: true));
    }

    [Fact]
    public void WhatCannotBeReadFallsBackToTheDefaultAndTheLastColumnStays()
    {
        var state = RowsGridState<PurchaseRowsColumn>.Parse(Pairs("sort=nope&page=0&size=5000&cols=nope"), Set);
        Assert.Equal(RowsGridState<PurchaseRowsColumn>.Default(Set).ToPairs(Set, true), state.ToPairs(Set, true));
        var one = state with { Columns = [PurchaseRowsColumn.Gender] };
        Assert.Same(one, one.Toggle(PurchaseRowsColumn.Gender, Set));
        Assert.Equal([PurchaseRowsColumn.Gender, PurchaseRowsColumn.Purchase], one.Toggle(PurchaseRowsColumn.Purchase, Set).Columns);
    }

    [Fact]
    public void OnlyTheUrlsThePageSentAreItsOwnAndALaterOneIsNotUndoneByAnEarlierArrival()
    {
        var own = new OwnNavigations();
        own.Sent("sort=amount");
        own.Sent("sort=amount&dir=desc");
        Assert.True(own.Arrived("sort=amount"));           // the earlier one arrives: the state (already desc) stays
        Assert.True(own.Arrived("sort=amount&dir=desc"));
        Assert.False(own.Arrived("sort=amount"));          // Back: not sent any more, so read from the URL
        own.Sent("a");
        Assert.False(own.Arrived("b"));                    // someone else's link: the pending ones are forgotten
        Assert.False(own.Arrived("a"));
    }
}
