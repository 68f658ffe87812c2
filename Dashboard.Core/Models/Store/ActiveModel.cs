namespace Dashboard.Core.Models.Store;

/// <summary>An active model, loaded and ready to score, with the stored version it came from.</summary>
public sealed record ActiveModel<T>(long Id, int Version, string ModelName, DateTimeOffset TrainedAt, T Model);
