namespace Dashboard.Core.Data.Schema;

/// <summary>
/// One versioned change of the schema. Steps are append-only: once released, a step's SQL never changes,
/// so that a database written by any earlier version upgrades by running the steps it lacks.
/// </summary>
public sealed record SchemaStep(int Version, string Name, string Sql)
{
    /// <summary>What the step writes after its SQL, in the same transaction (data derived from the stored rows).</summary>
    public Action<StoreKind, System.Data.Common.DbConnection, System.Data.Common.DbTransaction>? Data { get; init; }
}
