using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Training;

/// <summary>The protocol's figures for one task: both model kinds and the baseline, side by side.</summary>
public sealed record ProtocolReport(
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("train_rows")] int TrainRows,
    [property: JsonPropertyName("test_rows")] int TestRows,
    [property: JsonPropertyName("feature_seconds")] double FeatureSeconds,
    [property: JsonPropertyName("models")] IReadOnlyList<ProtocolFigures> Models,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
