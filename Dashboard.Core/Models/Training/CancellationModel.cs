using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Training;

/// <summary>A cancellation model ready to score: its feature pipeline and its ML.NET model, stored and loaded together.</summary>
public sealed class CancellationModel
{
    private const string FeaturesEntry = "Dashboard/cancellation-features.json";
    private readonly InputMap _inputs;

    internal CancellationModel(CancellationFeatures features, TabularModel model, IReadOnlyList<FeatureImportance> importance)
    {
        Features = features;
        Tabular = model;
        Importance = importance;
        _inputs = new InputMap(features.Schema, CancellationFeatures.InputOf);
    }

    public CancellationFeatures Features { get; }
    internal TabularModel Tabular { get; }
    public string Kind => Tabular.Kind;
    /// <summary>Permutation importance by input, computed once when the model was trained.</summary>
    public IReadOnlyList<FeatureImportance> Importance { get; }

    public double PredictProbability(CancellationInput input) => Tabular.Predict(Features.Transform(input));

    /// <summary>Probabilities of <paramref name="rows"/> of <paramref name="source"/> with one ML.NET <c>Transform</c>.</summary>
    public double[] PredictProbabilities(CancellationSource source, ReadOnlySpan<int> rows) => Tabular.PredictBatch(Features.Transform(source, rows));

    public CancellationPrediction Predict(CancellationInput input)
    {
        var explanation = Tabular.Explain(Features.Transform(input));
        return new CancellationPrediction(ModelMath.Sigmoid(explanation.Value), explanation.BaseValue, _inputs.Sum(explanation));
    }

    /// <summary>The model's explanation by feature column (before summing columns to inputs).</summary>
    public Explanation Explain(CancellationInput input) => Tabular.Explain(Features.Transform(input));

    public byte[] Serialize() => Tabular.Save(new Dictionary<string, byte[]>
    {
        [FeaturesEntry] = ModelInfo.Write(new ModelInfo { Cancellation = Features, Importance = Importance }),
    });

    public static CancellationModel Deserialize(byte[] bytes)
    {
        var info = ModelInfo.Read(TabularModel.ReadEntry(bytes, FeaturesEntry));
        var features = info.Cancellation ?? throw new InvalidDataException("The stored model has no feature pipeline.");
        return new CancellationModel(features, TabularModel.Load(bytes, features.Schema), info.Importance);
    }
}
