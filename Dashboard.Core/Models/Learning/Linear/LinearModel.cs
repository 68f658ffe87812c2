using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Learning.Linear;

/// <summary>One point of a cross-validated grid search and its mean validation score (RMSE or log loss: lower is better).</summary>
public sealed record GridPoint(double Lambda, NumericEncoding Encoding, double Score);

/// <summary>
/// A linear model over a <see cref="LinearDesign"/>: ridge regression or logistic regression (then the linear
/// predictor is in log-odds). Contributions are exact: each input's Σ β·(x − training mean of x) over its columns,
/// and the base value is the prediction for the average row.
/// </summary>
public sealed class LinearModel : IRegressionModel, IBinaryClassifier
{
    private readonly double[] _blockMeanTerms;
    private readonly double _baseValue;

    [JsonConstructor]
    public LinearModel(string kind, bool isClassifier, FeatureSchema schema, LinearDesign design, double[] coefficients,
        double[] columnMeans, double[] columnVariances, IReadOnlyList<GridPoint> tuning)
    {
        Kind = kind;
        IsClassifier = isClassifier;
        Schema = schema;
        Design = design;
        Coefficients = coefficients;
        ColumnMeans = columnMeans;
        ColumnVariances = columnVariances;
        Tuning = tuning;
        _blockMeanTerms = new double[design.Blocks.Count];
        _baseValue = coefficients[0];
        var importance = new double[schema.Count];
        for (var b = 0; b < design.Blocks.Count; b++)
        {
            var block = design.Blocks[b];
            for (var c = block.Offset; c < block.Offset + block.Width; c++)
            {
                _blockMeanTerms[b] += coefficients[c] * columnMeans[c];
                importance[block.Feature] += Math.Abs(coefficients[c]) * Math.Sqrt(columnVariances[c]);
            }
            _baseValue += _blockMeanTerms[b];
        }
        var total = importance.Sum();
        Importance = schema.Features.Select((f, i) => new FeatureImportance(f.Name, total > 0 ? importance[i] / total : 0))
            .OrderByDescending(i => i.Importance).ToArray();
    }

    public string Kind { get; }
    public bool IsClassifier { get; }
    public FeatureSchema Schema { get; }
    public LinearDesign Design { get; }
    /// <summary>Design coefficients; index 0 is the intercept.</summary>
    public double[] Coefficients { get; }
    public double[] ColumnMeans { get; }
    public double[] ColumnVariances { get; }
    public IReadOnlyList<GridPoint> Tuning { get; }

    [JsonIgnore]
    public IReadOnlyList<FeatureImportance> Importance { get; }

    /// <summary>The linear predictor (the value, or the log-odds for a classifier).</summary>
    public double Score(ReadOnlySpan<float> features)
    {
        Span<int> columns = stackalloc int[Design.MaxNonZeros];
        Span<double> values = stackalloc double[Design.MaxNonZeros];
        var n = Design.Encode(features, columns, values);
        double s = 0;
        for (var k = 0; k < n; k++)
            s += Coefficients[columns[k]] * values[k];
        return s;
    }

    public double Predict(ReadOnlySpan<float> features) => IsClassifier ? ModelMath.Sigmoid(Score(features)) : Score(features);

    public double PredictProbability(ReadOnlySpan<float> features) => ModelMath.Sigmoid(Score(features));

    public Explanation Explain(ReadOnlySpan<float> features)
    {
        Span<int> columns = stackalloc int[Design.MaxNonZeros];
        Span<double> values = stackalloc double[Design.MaxNonZeros];
        Design.Encode(features, columns, values);
        var contributions = new double[Schema.Count];
        var value = _baseValue;
        for (var b = 0; b < Design.Blocks.Count; b++)
        {
            // Encode writes one entry per block, in block order, after the intercept.
            var c = Coefficients[columns[b + 1]] * values[b + 1] - _blockMeanTerms[b];
            contributions[Design.Blocks[b].Feature] += c;
            value += c;
        }
        return new Explanation(_baseValue, contributions, value, IsClassifier ? ExplanationScale.LogOdds : ExplanationScale.Identity);
    }
}
