namespace Dashboard.Core.Orders;

/// <summary>What the lines' measures are grouped by in a <see cref="MeasuresRequest"/>.</summary>
internal enum LineGrouping
{
    /// <summary>One group.</summary>
    None,

    /// <summary>The request's own map of days to groups.</summary>
    Day,

    /// <summary>The category's code (an index of <see cref="IOrdersData.Categories"/>).</summary>
    Category,

    /// <summary>The state's code (an index of <see cref="IOrdersData.States"/>).</summary>
    State,
}
