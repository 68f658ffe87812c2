using Dashboard.Core.Paging;

namespace Dashboard.Tests.Unit.Paging;

public sealed class PageCursorsTests
{
    [Fact]
    public void APageStartsAfterTheNearestEarlierPageReadAndByOffsetWhenNoneWas()
    {
        var cursors = new PageCursors<string>();
        Assert.Equal((null, 150), cursors.StartOf("a", 3, 50));
        cursors.Ended("a", 3, "end of 3");
        Assert.Equal(("end of 3", 0), cursors.StartOf("a", 4, 50));
        Assert.Equal(("end of 3", 100), cursors.StartOf("a", 6, 50));
        Assert.Equal((null, 100), cursors.StartOf("a", 2, 50));
        cursors.Ended("a", 1, "end of 1");
        Assert.Equal(("end of 1", 0), cursors.StartOf("a", 2, 50));
        Assert.Equal(("end of 3", 0), cursors.StartOf("a", 4, 50));
        Assert.Equal((null, 0), cursors.StartOf("a", 0, 50));
    }

    [Fact]
    public void AnotherListingForgetsThePagesOfTheOneBefore()
    {
        var cursors = new PageCursors<string>();
        cursors.StartOf("a", 0, 50);
        cursors.Ended("a", 0, "end of a's 0");
        Assert.Equal((null, 50), cursors.StartOf("b", 1, 50));
        cursors.Ended("a", 0, "a page of a arriving late"); // ignored: the reader is on b now
        Assert.Equal(0, cursors.Known);
        Assert.Equal((null, 50), cursors.StartOf("a", 1, 50));
    }
}
