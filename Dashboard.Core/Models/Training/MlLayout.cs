using Dashboard.Core.Models.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dashboard.Core.Models.Training;

/// <summary>How the columns of a <see cref="FeatureSchema"/> are laid out for ML.NET, in one place: the input columns (label, the key
/// columns K0, K1, … and the "Numeric" vector) of <see cref="MlData"/>, which training, batches and single requests all go through,
/// and the slots of the "Features" vector.</summary>
internal sealed class MlLayout
{
    public const string LabelColumn = "Label";
    public const string PositiveColumn = "Positive";
    public const string NumericColumn = "Numeric";

    public MlLayout(FeatureSchema schema)
    {
        Schema = schema;
        var slots = new List<int>();
        var categorical = new List<int>();
        var numeric = new List<int>();
        for (var f = 0; f < schema.Count; f++)
        {
            if (schema.Features[f].Kind == FeatureKind.Categorical)
            {
                categorical.Add(f);
                slots.AddRange(Enumerable.Repeat(f, schema.Features[f].LevelCount + 1));
            }
            else
            {
                numeric.Add(f);
            }
        }
        // the numeric block, then its missing-value indicators, as the featurizer concatenates them
        slots.AddRange(numeric);
        slots.AddRange(numeric);
        Categorical = categorical;
        Numeric = numeric;
        SlotFeature = [.. slots];
        NumericWidth = Math.Max(1, numeric.Count);
        KeyCounts = [.. Enumerable.Range(0, Math.Max(1, categorical.Count))
            .Select(k => k < categorical.Count ? (ulong)schema.Features[categorical[k]].LevelCount + 1 : 1UL)];
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(LabelColumn, NumberDataViewType.Single);
        builder.AddColumn(PositiveColumn, BooleanDataViewType.Instance);
        for (var k = 0; k < KeyCounts.Length; k++)
            builder.AddColumn("K" + k, new KeyDataViewType(typeof(uint), KeyCounts[k]));
        builder.AddColumn(NumericColumn, new VectorDataViewType(NumberDataViewType.Single, NumericWidth));
        InputSchema = builder.ToSchema();
    }

    public FeatureSchema Schema { get; }
    /// <summary>Feature indexes of the categorical columns, in key-column order (K0, K1, …).</summary>
    public IReadOnlyList<int> Categorical { get; }
    public IReadOnlyList<int> Numeric { get; }
    /// <summary>The feature each slot of the "Features" vector belongs to.</summary>
    public int[] SlotFeature { get; }
    /// <summary>The key count of each key column (levels + 1: the last key is a missing or unknown level).</summary>
    public ulong[] KeyCounts { get; }
    public int NumericWidth { get; }
    /// <summary>The input columns of <see cref="MlData"/>.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>What the input column at <paramref name="index"/> holds, and for a key column its number.</summary>
    public (MlColumn Role, int Key) ColumnRole(int index) => index switch
    {
        0 => (MlColumn.Label, 0),
        1 => (MlColumn.Positive, 0),
        _ when index - 2 < KeyCounts.Length => (MlColumn.Key, index - 2),
        _ => (MlColumn.Numeric, 0),
    };

    /// <summary>One feature row as ML.NET's input: what a single request (What-if) is scored through.</summary>
    public MlData Data(ReadOnlySpan<float> features) => Data(new FeatureMatrix(Schema, features.ToArray(), 1));

    /// <summary>The rows <paramref name="indices"/> (all, in order, when null) of <paramref name="x"/> as ML.NET's input, built column by column.</summary>
    public MlData Data(FeatureMatrix x, IReadOnlyList<double>? y = null, IReadOnlyList<int>? indices = null)
    {
        var count = indices?.Count ?? x.Rows;
        var labels = new float[count];
        var keys = KeyCounts.Select(_ => new uint[count]).ToArray();
        var numeric = new float[count * NumericWidth];
        for (var i = 0; i < count; i++)
        {
            var r = indices?[i] ?? i;
            labels[i] = (float)(y?[r] ?? 0);
            var row = x.Row(r);
            for (var k = 0; k < Categorical.Count; k++)
                keys[k][i] = Key(row[Categorical[k]], k);
            for (var j = 0; j < Numeric.Count; j++)
                numeric[i * NumericWidth + j] = row[Numeric[j]];
        }
        return new MlData(this, labels, keys, numeric);
    }

    /// <summary>
    /// The key ML.NET reads for a category code in key column <paramref name="k"/>: code + 2, so slot 0 of the input's one-hot
    /// block is never set, and 0 (no slot set) for a missing or unknown level. That is the layout every model since the move to
    /// ML.NET was trained on: the typed row it first read added one to a key field, which stored code + 1 (decision 0024).
    /// </summary>
    private uint Key(float code, int k)
    {
        var levels = KeyCounts[k] - 1;
        return float.IsNaN(code) || code < 0 || code >= levels ? 0 : (uint)code + 2;
    }

    /// <summary>The shared transforms: one-hot keys (<c>MapKeyToVector</c>), missing-value indicators plus mean replacement for
    /// the numbers (linear trainers score NaN as NaN), all concatenated into "Features"; for linear models, normalised.</summary>
    public IEstimator<ITransformer> Featurizer(MLContext ml, bool normalise)
    {
        var columns = new List<string>();
        IEstimator<ITransformer> estimator = ml.Transforms.Conversion.MapKeyToVector("V0", "K0");
        for (var k = 0; k < Categorical.Count; k++)
        {
            if (k > 0)
                estimator = estimator.Append(ml.Transforms.Conversion.MapKeyToVector("V" + k, "K" + k));
            columns.Add("V" + k);
        }
        if (Numeric.Count > 0)
        {
            estimator = estimator
                .Append(ml.Transforms.IndicateMissingValues("NumericMissingFlag", NumericColumn))
                .Append(ml.Transforms.Conversion.ConvertType("NumericMissing", "NumericMissingFlag", DataKind.Single))
                .Append(ml.Transforms.ReplaceMissingValues(NumericColumn, replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Mean));
            columns.Add(NumericColumn);
            columns.Add("NumericMissing");
        }
        estimator = estimator.Append(ml.Transforms.Concatenate("Features", [.. columns]));
        if (normalise)
            estimator = estimator.Append(ml.Transforms.NormalizeMeanVariance("Features"));
        return estimator;
    }
}
