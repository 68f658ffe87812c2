using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Learning.Trees;

/// <summary>
/// Boosted trees for regression (squared error) or binary classification (log loss; the raw score is log-odds).
/// Contributions are Saabas per-path attributions: along the row's path in every tree, the change of node value at
/// a split is credited to the split's feature, so the base value plus the contributions equals the raw score exactly.
/// </summary>
public sealed class GradientBoostedTreesModel : IRegressionModel, IBinaryClassifier
{
    private readonly int[] _missingBins;
    private readonly double _baseValue;

    [JsonConstructor]
    public GradientBoostedTreesModel(string kind, bool isClassifier, FeatureSchema schema, FeatureBinner binner, double baseScore,
        IReadOnlyList<DecisionTree> trees, double[] gains, GradientBoostedTreesOptions options)
    {
        Kind = kind;
        IsClassifier = isClassifier;
        Schema = schema;
        Binner = binner;
        BaseScore = baseScore;
        Trees = trees;
        Gains = gains;
        Options = options;
        _missingBins = binner.ValueBins.ToArray();
        _baseValue = baseScore + trees.Sum(t => t.Value[0]);
        var total = gains.Sum();
        Importance = schema.Features.Select((f, i) => new FeatureImportance(f.Name, total > 0 ? gains[i] / total : 0))
            .OrderByDescending(i => i.Importance).ToArray();
    }

    public string Kind { get; }
    public bool IsClassifier { get; }
    public FeatureSchema Schema { get; }
    public FeatureBinner Binner { get; }
    public double BaseScore { get; }
    public IReadOnlyList<DecisionTree> Trees { get; }
    /// <summary>Total split gain per feature.</summary>
    public double[] Gains { get; }
    public GradientBoostedTreesOptions Options { get; }

    [JsonIgnore]
    public IReadOnlyList<FeatureImportance> Importance { get; }

    public double Score(ReadOnlySpan<float> features)
    {
        Span<byte> bins = stackalloc byte[Schema.Count];
        for (var f = 0; f < bins.Length; f++)
            bins[f] = Binner.Bin(f, features[f]);
        var score = BaseScore;
        foreach (var tree in Trees)
            score += tree.Value[tree.LeafOf(bins, _missingBins)];
        return score;
    }

    public double Predict(ReadOnlySpan<float> features) => IsClassifier ? ModelMath.Sigmoid(Score(features)) : Score(features);

    public double PredictProbability(ReadOnlySpan<float> features) => ModelMath.Sigmoid(Score(features));

    public Explanation Explain(ReadOnlySpan<float> features)
    {
        Span<byte> bins = stackalloc byte[Schema.Count];
        for (var f = 0; f < bins.Length; f++)
            bins[f] = Binner.Bin(f, features[f]);
        var contributions = new double[Schema.Count];
        foreach (var tree in Trees)
            tree.Attribute(bins, _missingBins, contributions);
        var value = _baseValue;
        foreach (var c in contributions)
            value += c;
        return new Explanation(_baseValue, contributions, value, IsClassifier ? ExplanationScale.LogOdds : ExplanationScale.Identity);
    }
}
