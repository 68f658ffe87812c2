using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Training;

/// <summary>Figures of one model on the protocol; the JSON names are the ones the <c>train</c> command prints.</summary>
public sealed record ProtocolFigures
{
    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("rmse")] public double? Rmse { get; init; }
    [JsonPropertyName("mae")] public double? Mae { get; init; }
    [JsonPropertyName("r2")] public double? R2 { get; init; }
    [JsonPropertyName("auc")] public double? Auc { get; init; }
    [JsonPropertyName("pr_auc")] public double? PrAuc { get; init; }
    [JsonPropertyName("log_loss")] public double? LogLoss { get; init; }
    [JsonPropertyName("brier")] public double? Brier { get; init; }
    [JsonPropertyName("train_seconds")] public double? TrainSeconds { get; init; }
    [JsonPropertyName("train_cpu_seconds")] public double? TrainCpuSeconds { get; init; }
    [JsonPropertyName("score_p50_ms")] public double? ScoreP50Ms { get; init; }
    [JsonPropertyName("score_p99_ms")] public double? ScoreP99Ms { get; init; }
}
