namespace Dashboard.Core.Orders.Rollup;

/// <summary>Cells of the rollup summed by day, category (state) and kind: <see cref="OrdersRollup.ReadAsync"/>.</summary>
internal sealed class RollupSlice
{
    public List<RollupCell> Cells { get; } = [];

    /// <summary>The cells of the shapes the slice touches, the cells of one shape together (<see cref="RollupShapeCell.Shape"/> 0, 1, 2…).</summary>
    public List<RollupShapeCell> Shapes { get; } = [];
}
