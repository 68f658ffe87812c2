namespace Dashboard.Core.Data;

/// <summary>The kinds of work that run once at a time across the instances sharing a store (<see cref="StoreKind.Lock"/>).</summary>
public enum StoreWork
{
    /// <summary>Schema upgrades: instances starting together upgrade the database once.</summary>
    SchemaUpgrade,

    /// <summary>
    /// Imports and undos, held on the import's own connection. Also how a starting instance tells a batch left Running by a
    /// dead instance (lock free) from one that another instance is writing (lock held).
    /// </summary>
    Import,

    /// <summary>Model training (<see cref="Models.Store.TrainingLock"/>).</summary>
    Training,

    /// <summary>Preparing the store at start: the status mapping, a first start's sample data and the first admin, written once.</summary>
    Startup,

    /// <summary>Adding a user: the "no such user yet" checks and the insert, so that instances add one first admin.</summary>
    Users,
}
