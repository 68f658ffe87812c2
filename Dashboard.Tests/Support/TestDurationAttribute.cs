namespace Dashboard.Tests.Support;

/// <summary>
/// About how long a test class (or a collection definition) takes in a full CI run, in seconds, read from a run's .trx.
/// <see cref="LongestFirstOrderer"/> starts the longest collections first, so that the two test threads finish together
/// instead of one long collection running alone at the end.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TestDurationAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}
