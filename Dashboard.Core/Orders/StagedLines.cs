namespace Dashboard.Core.Orders;

/// <summary>
/// The lines as read (<see cref="StagedLinesReader"/>), in row order, before they are grouped by order into the frame's
/// columns (<see cref="OrderColumns"/>): <see cref="Order"/> numbers the orders in the order of their first line.
/// </summary>
internal sealed class StagedLines(int count, bool modelColumns)
{
    public int Count => count;
    public bool HasModelColumns => modelColumns;

    public int[]? City { get; } = modelColumns ? new int[count] : null;
    public short[]? Size { get; } = modelColumns ? new short[count] : null;
    public int[]? Batch { get; } = modelColumns ? new int[count] : null;
    public int[]? Promotions { get; } = modelColumns ? new int[count] : null;
    public int[] Order { get; } = new int[count];
    public int[] Id { get; } = new int[count];
    public int[] Day { get; } = new int[count];
    public byte[] Status { get; } = new byte[count];
    public short[] Category { get; } = new short[count];
    public short[] State { get; } = new short[count];
    public short[] Fulfilment { get; } = new short[count];
    public short[] Channel { get; } = new short[count];
    public short[] Service { get; } = new short[count];
    public short[] Currency { get; } = new short[count];
    public int[] Qty { get; } = new int[count];
    public long[] Amount { get; } = new long[count];
    public bool[] B2B { get; } = new bool[count];

    /// <summary>The text columns' names, by code.</summary>
    public LineCodes Codes { get; } = new();

    /// <summary>Distinct Order IDs.</summary>
    public int OrderCount { get; set; }

    /// <summary>Day numbers of the earliest and the latest line (both 0 when there are none).</summary>
    public int MinDay { get; set; } = int.MaxValue;
    public int MaxDay { get; set; } = int.MinValue;

    /// <summary>True when a line is of the built-in sample data.</summary>
    public bool IsSample { get; set; }
}
