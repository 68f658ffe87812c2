namespace Dashboard.Core.Models.Store;

/// <summary>Which of the two models of a kind: the simple, explainable one or the stronger one.</summary>
public enum ModelAlgorithm
{
    /// <summary>Regularised linear regression (SDCA) or logistic regression (L-BFGS), on ML.NET.</summary>
    Linear,

    /// <summary>Gradient-boosted trees (LightGbm on ML.NET; FastTree before decision 0009 moved the trees to LightGbm).</summary>
    Boosted,
}
