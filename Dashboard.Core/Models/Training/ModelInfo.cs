using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Training;

/// <summary>Our part of a stored model, next to ML.NET's: the feature pipeline (category levels, target encodings), the
/// importance and the interval.</summary>
internal sealed class ModelInfo
{
    private static readonly System.Text.Json.JsonSerializerOptions Json = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public CancellationFeatures? Cancellation { get; init; }
    public PurchaseFeatures? Purchase { get; init; }
    public IReadOnlyList<FeatureImportance> Importance { get; init; } = [];
    public double ResidualLow { get; init; }
    public double ResidualHigh { get; init; }
    public double IntervalCoverage { get; init; }

    public static byte[] Write(ModelInfo info) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(info, Json);

    public static ModelInfo Read(byte[] bytes) =>
        System.Text.Json.JsonSerializer.Deserialize<ModelInfo>(bytes, Json) ?? throw new InvalidDataException("The stored model's information is empty.");
}
