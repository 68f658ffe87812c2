namespace Dashboard.Core.Models.Store;

/// <summary>What a model predicts.</summary>
public enum ModelKind
{
    /// <summary>The probability that an order line is cancelled.</summary>
    Cancellation,

    /// <summary>A customer's purchase amount.</summary>
    Purchase,
}
