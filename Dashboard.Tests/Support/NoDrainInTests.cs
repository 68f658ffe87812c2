using System.Runtime.CompilerServices;

namespace Dashboard.Tests.Support;

/// <summary>
/// Apps the tests start stop at once: <c>Health__DrainSeconds=0</c> in this process's environment, which every
/// WebApplicationFactory reads and every app process inherits. A test of the drain gives its own value.
/// </summary>
public static class NoDrainInTests
{
    [ModuleInitializer]
    internal static void Configure() => Environment.SetEnvironmentVariable("Health__DrainSeconds", "0");
}
