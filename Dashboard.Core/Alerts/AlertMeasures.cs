namespace Dashboard.Core.Alerts;

/// <summary>
/// The measures per period of one filter, grain and range, kept for the length of one check: rules that share a filter and a
/// grain (every metric of it) are then judged from one pass over the lines instead of one pass each.
/// </summary>
public sealed class AlertMeasures
{
    private readonly Dictionary<string, PeriodMeasures> _read = [];

    internal bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PeriodMeasures? read) => _read.TryGetValue(key, out read);

    internal void Add(string key, PeriodMeasures read) => _read[key] = read;
}
