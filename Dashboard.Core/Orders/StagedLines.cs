namespace Dashboard.Core.Orders;

/// <summary>The lines as read, in row order, before they are grouped by order into the frame's columns.</summary>
internal sealed class StagedLines(int count, bool modelColumns)
{
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
}
