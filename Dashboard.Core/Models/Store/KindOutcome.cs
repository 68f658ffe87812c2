using Dashboard.Core.Models.Training;

namespace Dashboard.Core.Models.Store;

/// <summary>The outcome of training one kind: both stored models, or why nothing was trained.</summary>
public sealed record KindOutcome(ModelKind Kind, IReadOnlyList<StoredModel> Models, string? Skipped, ProtocolReport? Figures);
