
namespace Dashboard.Core.Data;

/// <summary>Which database holds the store: <c>Store:Provider</c>.</summary>
public enum StoreProvider
{
    /// <summary>One file next to the app (the default): nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several instances of the app share (decision 0013).</summary>
    PostgreSql,
}
