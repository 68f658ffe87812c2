using System.Reflection;
using Xunit.Abstractions;

[assembly: Xunit.TestCollectionOrderer("Dashboard.Tests.Support.LongestFirstOrderer", "Dashboard.Tests")]

namespace Dashboard.Tests.Support;

/// <summary>
/// Orders the test collections longest first (by <see cref="TestDurationAttribute"/>), then as xunit does (by unique ID).
/// xunit's own order is a hash: in one CI run the 350 s accessibility class started last and ran alone for six minutes
/// while the other thread was idle. Longest first is the classic bound for two machines: the run ends within the longest
/// job of the even split.
/// </summary>
public sealed class LongestFirstOrderer : ITestCollectionOrderer
{
    // xunit's name for the collection of a class that names none.
    private const string ClassCollection = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(SecondsOf).ThenBy(c => c.UniqueID);

    private static int SecondsOf(ITestCollection collection)
    {
        var type = (collection.CollectionDefinition as IReflectionTypeInfo)?.Type
            ?? (collection.DisplayName.StartsWith(ClassCollection, StringComparison.Ordinal)
                ? typeof(LongestFirstOrderer).Assembly.GetType(collection.DisplayName[ClassCollection.Length..])
                : null);
        return type?.GetCustomAttribute<TestDurationAttribute>()?.Seconds ?? 0;
    }
}
