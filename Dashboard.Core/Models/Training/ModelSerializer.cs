using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Learning;
using Dashboard.Core.Models.Learning.Linear;
using Dashboard.Core.Models.Learning.Trees;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// Stores a trained model with its feature pipeline as UTF-8 JSON (format <see cref="FormatVersion"/>); a reloaded
/// model predicts exactly as the original (doubles and floats are written round-trippably).
/// </summary>
public static class ModelSerializer
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    public static byte[] Serialize(CancellationModel model) => JsonSerializer.SerializeToUtf8Bytes(new Envelope
    {
        Format = FormatVersion,
        Type = "cancellation",
        Cancellation = model.Features,
        Linear = model.Classifier as LinearModel,
        Trees = model.Classifier as GradientBoostedTreesModel,
    }, Json);

    public static byte[] Serialize(PurchaseModel model) => JsonSerializer.SerializeToUtf8Bytes(new Envelope
    {
        Format = FormatVersion,
        Type = "purchase",
        Purchase = model.Features,
        Linear = model.Regression as LinearModel,
        Trees = model.Regression as GradientBoostedTreesModel,
        ResidualLow = model.ResidualLow,
        ResidualHigh = model.ResidualHigh,
        IntervalCoverage = model.IntervalCoverage,
    }, Json);

    public static CancellationModel DeserializeCancellation(ReadOnlySpan<byte> bytes)
    {
        var e = Read(bytes, "cancellation");
        IBinaryClassifier classifier = (IBinaryClassifier?)e.Linear ?? e.Trees ?? throw new InvalidDataException("The stored model has no classifier.");
        return new CancellationModel(e.Cancellation ?? throw new InvalidDataException("The stored model has no feature pipeline."), classifier);
    }

    public static PurchaseModel DeserializePurchase(ReadOnlySpan<byte> bytes)
    {
        var e = Read(bytes, "purchase");
        IRegressionModel regression = (IRegressionModel?)e.Linear ?? e.Trees ?? throw new InvalidDataException("The stored model has no regression.");
        return new PurchaseModel(e.Purchase ?? throw new InvalidDataException("The stored model has no feature pipeline."), regression,
            e.ResidualLow, e.ResidualHigh, e.IntervalCoverage);
    }

    private static Envelope Read(ReadOnlySpan<byte> bytes, string type)
    {
        var e = JsonSerializer.Deserialize<Envelope>(bytes, Json) ?? throw new InvalidDataException("The stored model is empty.");
        if (e.Format != FormatVersion)
            throw new InvalidDataException($"The stored model has format {e.Format}; this version reads format {FormatVersion}.");
        if (e.Type != type)
            throw new InvalidDataException($"The stored model is a {e.Type} model, not a {type} model.");
        return e;
    }

    private sealed class Envelope
    {
        public int Format { get; init; }
        public string Type { get; init; } = "";
        public CancellationFeatures? Cancellation { get; init; }
        public PurchaseFeatures? Purchase { get; init; }
        public LinearModel? Linear { get; init; }
        public GradientBoostedTreesModel? Trees { get; init; }
        public double ResidualLow { get; init; }
        public double ResidualHigh { get; init; }
        public double IntervalCoverage { get; init; }
    }
}
