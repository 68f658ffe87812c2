namespace Dashboard.Core.Orders.Rollup;

/// <summary>One cell of a shape (<c>Shape</c>: its number in the slice), as <see cref="RollupCell"/> names it; <c>Orders</c>: how many orders have the shape.</summary>
internal readonly record struct RollupShapeCell(int Shape, int Orders, int Day, short Category, short State, byte Kind);
