using System.Runtime.CompilerServices;

namespace Dashboard.Core.Orders;

/// <summary>Measures per group key, filled by one pass of <see cref="OrdersScan"/>.</summary>
internal sealed class GroupMeasures(int keys)
{
    /// <summary>One key's running measures, kept together so that adding a line touches one place.</summary>
    private struct Cell
    {
        public int Lines;
        public int Cancelled;
        public int Orders;
        public int PaidOrders;
        public long Units;
        public long Revenue;
        /// <summary>The last order counted (+1, so that the zeroed cell has counted none).</summary>
        public int LastOrder;
        public int LastPaidOrder;
    }

    private readonly Cell[] _cells = new Cell[keys];

    public int Keys => _cells.Length;

    /// <remarks>
    /// Relies on the lines of one order being adjacent (the frame groups them by order). Sums are checked: an import
    /// bounds each line's amount (<c>Imports:MaxLineAmount</c>), so no real total comes near <c>long</c>'s range, and one
    /// that did (lines stored before the bound) must fail loudly rather than wrap to a negative revenue.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int key, int run, bool cancelled, int qty, int currency, int selectedCurrency, long amountMinor)
    {
        ref var c = ref _cells[key];
        var order = run + 1;
        c.Lines++;
        c.Units = checked(c.Units + qty);
        if (c.LastOrder != order)
        {
            c.LastOrder = order;
            c.Orders++;
        }
        if (cancelled)
        {
            c.Cancelled++;
        }
        else if (currency == selectedCurrency || currency == OrdersFrame.NoCurrency)
        {
            if (currency == selectedCurrency)
            {
                c.Revenue = checked(c.Revenue + amountMinor);
            }
            if (c.LastPaidOrder != order)
            {
                c.LastPaidOrder = order;
                c.PaidOrders++;
            }
        }
    }

    /// <summary>
    /// Adds a group of rollup cells (<see cref="Rollup.RollupCell"/>): their measures add up, and so do their orders, which
    /// each lie in one cell.
    /// </summary>
    public void AddCells(int key, in Rollup.RollupCell cell)
    {
        ref var c = ref _cells[key];
        c.Lines += cell.Lines;
        c.Units = checked(c.Units + cell.Units);
        c.Orders += cell.Orders;
        switch (cell.Kind)
        {
            case 0: c.Cancelled += cell.Lines; break;
            case 1: c.Revenue = checked(c.Revenue + cell.AmountMinor); c.PaidOrders += cell.Orders; break;
            case 2: c.PaidOrders += cell.Orders; break;
        }
    }

    /// <summary>
    /// Counts the orders of one shape (orders spanning several cells) once per key, however many of its cells fall
    /// under the key: the cells of one shape come together, as the lines of one order do in <see cref="Add"/>.
    /// </summary>
    public void AddShape(int key, in Rollup.RollupShapeCell cell)
    {
        ref var c = ref _cells[key];
        var shape = cell.Shape + 1;
        if (c.LastOrder != shape)
        {
            c.LastOrder = shape;
            c.Orders += cell.Orders;
        }
        if (cell.Kind is 1 or 2 && c.LastPaidOrder != shape)
        {
            c.LastPaidOrder = shape;
            c.PaidOrders += cell.Orders;
        }
    }

    /// <summary>Adds another scan's measures (of other orders: distinct counts add up only when no order is in both).</summary>
    public void Merge(GroupMeasures other)
    {
        for (var k = 0; k < Keys; k++)
        {
            ref var c = ref _cells[k];
            ref readonly var o = ref other._cells[k];
            c.Lines += o.Lines;
            c.Cancelled += o.Cancelled;
            c.Orders += o.Orders;
            c.PaidOrders += o.PaidOrders;
            c.Units = checked(c.Units + o.Units);
            c.Revenue = checked(c.Revenue + o.Revenue);
        }
    }

    public OrderMeasures this[int key]
    {
        get
        {
            ref readonly var c = ref _cells[key];
            return new(c.Lines, c.Cancelled, c.Orders, c.PaidOrders, c.Units, c.Revenue);
        }
    }
}
