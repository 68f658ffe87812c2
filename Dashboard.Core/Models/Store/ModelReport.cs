using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Models.Evaluation;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// What the Models page shows about one stored model, kept as JSON beside it: held-out metrics next to the baseline,
/// calibration (classifiers) or residuals (regressions), importance by input and the leakage check. Classifiers fill the
/// <c>Classification*</c> members, regressions the <c>Regression*</c> ones.
/// </summary>
public sealed record ModelReport
{
    public int TrainRows { get; init; }
    public int TestRows { get; init; }
    /// <summary>The held-out period of a cancellation model (order dates in [from, to)); null for purchases (a random split).</summary>
    public DateOnly? TestFrom { get; init; }
    public DateOnly? TestTo { get; init; }
    public double TrainingSeconds { get; init; }
    public double TrainingCpuSeconds { get; init; }

    public ClassificationMetrics? Classification { get; init; }
    public ClassificationMetrics? ClassificationBaseline { get; init; }
    /// <summary>The model that was active when this one was trained, scored on the same held-out rows; null when there was none.</summary>
    public ClassificationMetrics? ClassificationOfActive { get; init; }

    public RegressionMetrics? Regression { get; init; }
    public RegressionMetrics? RegressionBaseline { get; init; }
    public RegressionMetrics? RegressionOfActive { get; init; }
    /// <summary>Held-out (predicted, actual − predicted) pairs, at most a few hundred, for the residual plot.</summary>
    public IReadOnlyList<ResidualPoint>? Residuals { get; init; }
    public double? IntervalLow { get; init; }
    public double? IntervalHigh { get; init; }
    public double? IntervalCoverage { get; init; }
    public bool? UsedIds { get; init; }

    public IReadOnlyList<FeatureImportance> Importance { get; init; } = [];
    public IReadOnlyList<LeakageWarning> LeakageWarnings { get; init; } = [];
    /// <summary>The leakage check run once more with the inputs kept out by default (promotion-ids) switched on: why they are kept out.</summary>
    public IReadOnlyList<LeakageWarning> ExcludedInputWarnings { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ModelReport FromJson(string json) => JsonSerializer.Deserialize<ModelReport>(json, Json) ?? new ModelReport();

    internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
