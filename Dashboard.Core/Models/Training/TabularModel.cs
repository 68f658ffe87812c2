using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using Dashboard.Core.Models.Features;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// A trained ML.NET model (featurizer + trainer [+ calibrator]) over one <see cref="FeatureSchema"/>: scores single rows and
/// batches the same way, with <c>Transform</c> over an <see cref="MlData"/> (for a What-if request, a one-row view bound once
/// per thread and rewritten per request, so only a cursor is opened), and explains a prediction in link space
/// (log-odds or the value itself) exactly: base + Σ contributions = the model's output.
/// </summary>
internal sealed class TabularModel
{
    public const int FormatVersion = 2;
    private const string MetaEntry = "Dashboard/explanations.json";
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private readonly MLContext _ml;
    private readonly Func<float[], double[], double> _explain;
    private readonly ThreadLocal<(MlData Input, IDataView Scored)> _single;

    public TabularModel(MLContext ml, ITransformer model, MlLayout layout, TabularMeta meta)
    {
        _ml = ml;
        Model = model;
        Layout = layout;
        Meta = meta;
        var (predictor, calibrator) = Parts(model);
        // logit = a·Score + b for a Platt-calibrated classifier (p = 1 / (1 + exp(slope·Score + offset))); identity otherwise
        (LinkScale, LinkOffset) = calibrator is null ? (1.0, 0.0) : (-calibrator.Slope, -calibrator.Offset);
        Predictor = predictor;
        _explain = predictor switch
        {
            LinearModelParameters linear => LinearExplainer(linear, meta.FeatureMeans ?? throw new InvalidDataException("The linear model has no feature means.")),
            TreeEnsembleModelParametersBasedOnRegressionTree trees => new TreeAttribution(trees.TrainedTreeEnsemble, meta.NodeValues
                ?? throw new InvalidDataException("The tree model has no node values.")).Explain,
            _ => throw new InvalidDataException($"The stored model's predictor ({predictor.GetType().Name}) cannot be explained."),
        };
        _single = new(() =>
        {
            var input = layout.Data(new float[layout.Schema.Count]);
            return (input, model.Transform(input));
        });
    }

    public ITransformer Model { get; }
    public MlLayout Layout { get; }
    public TabularMeta Meta { get; }
    public object Predictor { get; }
    public TabularTask Task => Meta.Task;
    public string Kind => Meta.Kind;
    public double LinkScale { get; }
    public double LinkOffset { get; }

    /// <summary>The model's answer for one feature row: the probability of a classifier, the value of a regression.</summary>
    public double Predict(ReadOnlySpan<float> features) =>
        ScoreOne(features, Task == TabularTask.BinaryClassification ? "Probability" : "Score", withFeatures: false).Value;

    /// <summary>The prediction in link space with every feature's contribution; <see cref="Explanation.Value"/> is the
    /// ML.NET score mapped to the link (log-odds of the calibrated probability for a classifier).</summary>
    public Explanation Explain(ReadOnlySpan<float> features)
    {
        var (score, vector) = ScoreOne(features, "Score", withFeatures: true);
        var slots = new double[Layout.SlotFeature.Length];
        var rawBase = _explain(vector, slots);
        var contributions = new double[Layout.Schema.Count];
        for (var s = 0; s < slots.Length; s++)
            contributions[Layout.SlotFeature[s]] += LinkScale * slots[s];
        return new Explanation(LinkScale * rawBase + LinkOffset, contributions, LinkScale * score + LinkOffset,
            Task == TabularTask.BinaryClassification ? ExplanationScale.LogOdds : ExplanationScale.Identity);
    }

    /// <summary>One row through <c>Transform</c>: the float column <paramref name="column"/> of the scored row and, when asked, the
    /// "Features" vector the trainer read (after the featurizer's normalisation, for the explanations).</summary>
    private (float Value, float[] Features) ScoreOne(ReadOnlySpan<float> features, string column, bool withFeatures)
    {
        var (input, scored) = _single.Value;
        input.CopyFrom(Layout.Data(features));
        var valueColumn = scored.Schema[column];
        var featuresColumn = scored.Schema["Features"];
        using var cursor = scored.GetRowCursor(withFeatures ? [valueColumn, featuresColumn] : [valueColumn]);
        if (!cursor.MoveNext())
            throw new InvalidOperationException("The model scored no row.");
        var value = 0f;
        cursor.GetGetter<float>(valueColumn)(ref value);
        if (!withFeatures)
            return (value, []);
        var vector = default(VBuffer<float>);
        cursor.GetGetter<VBuffer<float>>(featuresColumn)(ref vector);
        return (value, vector.DenseValues().ToArray());
    }

    /// <summary>Scores many rows with one <c>Transform</c> over their <see cref="MlData"/>: probabilities or values.</summary>
    public double[] PredictBatch(FeatureMatrix rows)
    {
        var scored = Model.Transform(Layout.Data(rows));
        var column = Task == TabularTask.BinaryClassification ? "Probability" : "Score";
        return scored.GetColumn<float>(column).Select(v => (double)v).ToArray();
    }

    public double[] PredictBatch(IEnumerable<float[]> rows)
    {
        var all = rows.ToArray();
        var width = Layout.Schema.Count;
        var values = new float[all.Length * width];
        for (var i = 0; i < all.Length; i++)
            all[i].CopyTo(values, i * width);
        return PredictBatch(new FeatureMatrix(Layout.Schema, values, all.Length));
    }

    /// <summary>ML.NET's own zip (<c>mlContext.Model.Save</c>), with the explanations' data as one more entry; <paramref name="extra"/>
    /// adds the feature pipeline of the task.</summary>
    public byte[] Save(IReadOnlyDictionary<string, byte[]> extra)
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(Model, Layout.InputSchema, stream);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            Write(zip, MetaEntry, JsonSerializer.SerializeToUtf8Bytes(Meta, Json));
            foreach (var (name, bytes) in extra)
                Write(zip, name, bytes);
        }
        return stream.ToArray();
    }

    /// <summary>Reads the entry <paramref name="name"/> of a stored model, or throws when the payload is not a model of this format.</summary>
    public static byte[] ReadEntry(byte[] payload, string name)
    {
        if (IsLegacy(payload))
            throw new InvalidDataException("The stored model is in the format used before ML.NET (JSON); it must be retrained.");
        using var zip = new ZipArchive(new MemoryStream(payload), ZipArchiveMode.Read);
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The stored model has no {name}.");
        using var input = entry.Open();
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>True for the JSON payloads our own trainers wrote before the move to ML.NET.</summary>
    public static bool IsLegacy(ReadOnlySpan<byte> payload) => payload.Length > 0 && payload[0] == (byte)'{';

    public static TabularModel Load(byte[] payload, FeatureSchema schema)
    {
        var meta = JsonSerializer.Deserialize<TabularMeta>(ReadEntry(payload, MetaEntry), Json)
            ?? throw new InvalidDataException("The stored model has no explanation data.");
        if (meta.Format != FormatVersion)
            throw new InvalidDataException($"The stored model has format {meta.Format}; this version reads format {FormatVersion}.");
        var ml = new MLContext(seed: 42);
        var model = ml.Model.Load(new MemoryStream(payload), out _);
        return new TabularModel(ml, model, new MlLayout(schema), meta);
    }

    /// <summary>
    /// Permutation importance per input on <paramref name="sample"/>: the held-out AUC lost (classifiers) or RMSE gained
    /// (regressions) when the columns of one input are shuffled together, averaged over <paramref name="rounds"/> shuffles, scored
    /// with <c>Transform</c> and ML.NET's evaluators. Ours because ML.NET's PermutationFeatureImportance shuffles single slots of
    /// the "Features" vector: a one-hot input is never shuffled as a whole, and summing its slots' losses inflates inputs with
    /// many levels (on the sample data it ranked weekday, which has no effect there, second).
    /// </summary>
    public IReadOnlyList<FeatureImportance> PermutationImportance(FeatureMatrix sample, IReadOnlyList<double> labels, Func<string, string> inputOf,
        int rounds = 2, int seed = 42)
    {
        double Metric(double[] predictions) => Task == TabularTask.BinaryClassification
            ? -Evaluation.ClassificationMetrics.ComputeRocAuc(labels, predictions)
            : Evaluation.RegressionMetrics.Compute(labels, predictions).Rmse;
        var width = sample.Columns;
        var baseline = Metric(PredictBatch(sample));
        var random = new Random(seed);
        var result = new List<FeatureImportance>();
        foreach (var input in Layout.Schema.Features.Select((f, i) => (Input: inputOf(f.Name), Index: i)).GroupBy(p => p.Input))
        {
            var columns = input.Select(p => p.Index).ToArray();
            double loss = 0;
            for (var r = 0; r < rounds; r++)
            {
                var order = Enumerable.Range(0, sample.Rows).ToArray();
                random.Shuffle(order);
                var values = (float[])sample.Values.Clone();
                for (var i = 0; i < sample.Rows; i++)
                {
                    foreach (var c in columns)
                        values[i * width + c] = sample[order[i], c];
                }
                var shuffled = new FeatureMatrix(sample.Schema, values, sample.Rows);
                loss += Metric(PredictBatch(shuffled)) - baseline;
            }
            result.Add(new FeatureImportance(input.Key, double.IsFinite(loss) ? Math.Max(0, loss / rounds) : 0));
        }
        return result.OrderByDescending(i => i.Importance).ToArray();
    }

    internal static IEnumerable<ITransformer> Flatten(ITransformer model)
    {
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (var inner in chain)
            {
                foreach (var t in Flatten(inner))
                    yield return t;
            }
        }
        else
        {
            yield return model;
        }
    }

    /// <summary>The trainer's model parameters (unwrapped from a calibrated model) and the calibrator that makes the probability:
    /// a calibrator appended after the trainer wins over the trainer's own.</summary>
    internal static (object Predictor, PlattCalibrator? Calibrator) Parts(ITransformer model)
    {
        object? predictor = null;
        PlattCalibrator? inner = null, appended = null;
        foreach (var transformer in Flatten(model))
        {
            if (transformer is not ISingleFeaturePredictionTransformer<object> p)
                continue;
            if (p.Model is PlattCalibrator platt)
            {
                appended = platt;
                continue;
            }
            predictor = p.Model;
            if (Property(predictor, "SubModel") is { } sub)
            {
                // a CalibratedModelParametersBase<TSub, TCalibrator>; its generic arguments vary after loading, so read it by name
                inner = Property(predictor, "Calibrator") as PlattCalibrator;
                predictor = sub;
            }
        }
        return (predictor ?? throw new InvalidDataException("The model has no predictor."), appended ?? inner);
    }

    private static object? Property(object target, string name) =>
        target.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.Name == name)?.GetValue(target);

    /// <summary>Exact linear attribution: w_j·(z_j − mean_j) per slot, base = bias + Σ w_j·mean_j, so the sum is the score. ML.NET's
    /// CalculateFeatureContribution would give w_j·z_j only for the top slots and needs a second transform per request.</summary>
    private static Func<float[], double[], double> LinearExplainer(LinearModelParameters linear, double[] means)
    {
        var weights = linear.Weights.ToArray();
        var bias = (double)linear.Bias;
        for (var j = 0; j < weights.Length; j++)
            bias += weights[j] * means[j];
        return (features, slots) =>
        {
            for (var j = 0; j < weights.Length; j++)
                slots[j] = weights[j] * (features[j] - means[j]);
            return bias;
        };
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        zip.GetEntry(name)?.Delete();
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(bytes);
    }
}
