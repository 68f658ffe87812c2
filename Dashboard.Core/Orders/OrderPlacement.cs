namespace Dashboard.Core.Orders;

/// <summary>
/// Where each staged line goes in the frame: the orders sorted by their first day (ties in the order of first
/// appearance), the lines of one order adjacent. A date range is then a range of rows (<see cref="OrdersFrame"/>'s
/// RowsBetween, from <see cref="RowsFromDay"/> and <see cref="LongestOrderDays"/>), so a scan of one week reads one week
/// of lines.
/// </summary>
internal sealed class OrderPlacement
{
    /// <summary>[o]: the frame's number of the staged order o.</summary>
    private readonly int[] _rank;

    /// <summary>[k]: the row the next line of the frame's order k goes to.</summary>
    private readonly int[] _next;

    public OrderPlacement(StagedLines staged)
    {
        var orderCount = staged.OrderCount;
        var firstDay = new int[orderCount];
        var lastDay = new int[orderCount];
        Array.Fill(firstDay, int.MaxValue);
        Array.Fill(lastDay, int.MinValue);
        var linesOf = new int[orderCount];
        for (var row = 0; row < staged.Count; row++)
        {
            var o = staged.Order[row];
            firstDay[o] = Math.Min(firstDay[o], staged.Day[row]);
            lastDay[o] = Math.Max(lastDay[o], staged.Day[row]);
            linesOf[o]++;
        }
        var minDay = staged.MinDay;
        var spanDays = staged.MaxDay - minDay + 1;
        var rowsFromDay = new int[spanDays + 1];
        var ordersFromDay = new int[spanDays + 1];
        var longestOrder = 0;
        for (var o = 0; o < orderCount; o++)
        {
            rowsFromDay[firstDay[o] - minDay + 1] += linesOf[o];
            ordersFromDay[firstDay[o] - minDay + 1]++;
            longestOrder = Math.Max(longestOrder, lastDay[o] - firstDay[o]);
        }
        for (var d = 1; d <= spanDays; d++)
        {
            rowsFromDay[d] += rowsFromDay[d - 1];
            ordersFromDay[d] += ordersFromDay[d - 1];
        }
        _rank = new int[orderCount];
        var nextOrder = (int[])ordersFromDay.Clone();
        _next = new int[orderCount + 1];
        for (var o = 0; o < orderCount; o++)
        {
            var k = nextOrder[firstDay[o] - minDay]++;
            _rank[o] = k;
            _next[k + 1] = linesOf[o];
        }
        for (var k = 1; k <= orderCount; k++)
        {
            _next[k] += _next[k - 1];
        }
        RowsFromDay = rowsFromDay;
        LongestOrderDays = longestOrder;
    }

    /// <summary>[d]: the first row of the orders whose first day is the earliest line's day + d or later.</summary>
    public int[] RowsFromDay { get; }

    /// <summary>The most days between the first and the last line of one order (0 when each order has one date).</summary>
    public int LongestOrderDays { get; }

    /// <summary>The frame's number of the staged order <paramref name="stagedOrder"/>, and the row its next line goes to.</summary>
    public (int Order, int Row) Place(int stagedOrder)
    {
        var o = _rank[stagedOrder];
        return (o, _next[o]++);
    }
}
