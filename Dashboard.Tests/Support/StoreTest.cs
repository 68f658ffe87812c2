using Dashboard.Core.Data;

namespace Dashboard.Tests.Support;

/// <summary>
/// A test class that runs on both stores (decision 0013): the class is abstract and takes the provider; two sealed subclasses,
/// <c>…OnSqlite</c> and <c>…OnPostgreSql</c>, run every one of its tests on each.
/// </summary>
public abstract class StoreTest(StoreProvider provider)
{
    protected StoreProvider Provider { get; } = provider;

    protected TempDatabase NewDatabase(bool migrate = true, int? busyTimeoutSeconds = null) => new(migrate, busyTimeoutSeconds, Provider);
}
