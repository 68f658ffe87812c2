using Dashboard.Core.Models.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// One row as ML.NET reads it. The categorical features of a <see cref="FeatureSchema"/> become key columns K0, K1, … (key
/// = level code + 1, the last key = missing), the numeric ones one vector column. The keys come from our
/// <see cref="CategoryIndex"/> because ML.NET's <c>ValueToKey</c> has no minimum count (rare levels go to "(other)" here).
/// </summary>
internal sealed class MlRow
{
    public const int MaxCategorical = 12;

    public float Label;
    public bool Positive;
    public uint K0, K1, K2, K3, K4, K5, K6, K7, K8, K9, K10, K11;
    public float[] Numeric = [];

    public void SetKey(int index, uint key)
    {
        switch (index)
        {
            case 0: K0 = key; break;
            case 1: K1 = key; break;
            case 2: K2 = key; break;
            case 3: K3 = key; break;
            case 4: K4 = key; break;
            case 5: K5 = key; break;
            case 6: K6 = key; break;
            case 7: K7 = key; break;
            case 8: K8 = key; break;
            case 9: K9 = key; break;
            case 10: K10 = key; break;
            case 11: K11 = key; break;
            default: throw new ArgumentOutOfRangeException(nameof(index));
        }
    }
}

/// <summary>What a prediction engine hands back: the model's score (link scale before calibration), the calibrated
/// probability of a classifier, and the feature vector the trainer read (for the explanations).</summary>
internal sealed class MlOutput
{
    public float Score;
    public float Probability;
    public float[] Features = [];
}

/// <summary>How the columns of a <see cref="FeatureSchema"/> are laid out in <see cref="MlRow"/> and in the "Features" vector.</summary>
internal sealed class MlLayout
{
    public MlLayout(FeatureSchema schema)
    {
        Schema = schema;
        if (schema.Features.Count(f => f.Kind == FeatureKind.Categorical) > MlRow.MaxCategorical)
            throw new ArgumentException($"At most {MlRow.MaxCategorical} categorical features are supported.", nameof(schema));
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
        Definition = SchemaDefinition.Create(typeof(MlRow));
        for (var k = 0; k < MlRow.MaxCategorical; k++)
        {
            var count = k < categorical.Count ? schema.Features[categorical[k]].LevelCount + 1 : 1;
            Definition["K" + k].ColumnType = new KeyDataViewType(typeof(uint), (ulong)count);
        }
        Definition[nameof(MlRow.Numeric)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(1, numeric.Count));
    }

    public FeatureSchema Schema { get; }
    /// <summary>Feature indexes of the categorical columns, in key-column order (K0, K1, …).</summary>
    public IReadOnlyList<int> Categorical { get; }
    public IReadOnlyList<int> Numeric { get; }
    /// <summary>The feature each slot of the "Features" vector belongs to.</summary>
    public int[] SlotFeature { get; }
    public SchemaDefinition Definition { get; }

    public MlRow Row(ReadOnlySpan<float> features, double label = 0)
    {
        var row = new MlRow { Label = (float)label, Positive = label > 0.5, Numeric = new float[Math.Max(1, Numeric.Count)] };
        for (var k = 0; k < Categorical.Count; k++)
        {
            var f = Categorical[k];
            var levels = Schema.Features[f].LevelCount;
            var code = features[f];
            row.SetKey(k, float.IsNaN(code) || code < 0 || code >= levels ? (uint)levels + 1 : (uint)code + 1);
        }
        for (var j = 0; j < Numeric.Count; j++)
            row.Numeric[j] = features[Numeric[j]];
        return row;
    }

    public IDataView Load(MLContext ml, IEnumerable<MlRow> rows) => ml.Data.LoadFromEnumerable(rows, Definition);

    public IDataView Load(MLContext ml, FeatureMatrix x, IReadOnlyList<double>? y = null, IReadOnlyList<int>? indices = null)
    {
        var rows = indices is null
            ? Enumerable.Range(0, x.Rows).Select(i => Row(x.Row(i), y?[i] ?? 0)).ToArray()
            : indices.Select(i => Row(x.Row(i), y?[i] ?? 0)).ToArray();
        return Load(ml, rows);
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
                .Append(ml.Transforms.IndicateMissingValues("NumericMissingFlag", nameof(MlRow.Numeric)))
                .Append(ml.Transforms.Conversion.ConvertType("NumericMissing", "NumericMissingFlag", DataKind.Single))
                .Append(ml.Transforms.ReplaceMissingValues(nameof(MlRow.Numeric), replacementMode: Microsoft.ML.Transforms.MissingValueReplacingEstimator.ReplacementMode.Mean));
            columns.Add(nameof(MlRow.Numeric));
            columns.Add("NumericMissing");
        }
        estimator = estimator.Append(ml.Transforms.Concatenate("Features", [.. columns]));
        if (normalise)
            estimator = estimator.Append(ml.Transforms.NormalizeMeanVariance("Features"));
        return estimator;
    }
}
