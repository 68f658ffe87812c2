namespace Dashboard.Tests.Web;

/// <summary>
/// Tests that read the app's own meter and activity source run alone: both are process-wide, and an import of another test
/// running meanwhile would be counted and traced too.
/// </summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection;
