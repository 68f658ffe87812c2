using Dashboard.Core.Models.Features;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dashboard.Core.Models.Training;

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
