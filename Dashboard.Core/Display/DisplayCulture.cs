using System.Globalization;
using Dashboard.Core.Analytics;
using Dashboard.Core.Data;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Display;

/// <summary>
/// The display culture a reader gets unless they chose another: <c>Display:Culture</c> when it is set; otherwise en-IN
/// when the data's main currency is INR, and the server's culture for any other data.
/// </summary>
/// <param name="options">The <c>Display</c> section.</param>
/// <param name="summary">What is stored, for the data's main currency.</param>
/// <param name="dataVersion">Changes when the data does, and with it perhaps the main currency.</param>
/// <param name="server">The process's own culture, read at start (inside a request the current culture is the reader's).</param>
public sealed class DisplayCulture(IOptions<DisplayOptions> options, DatasetSummaryQuery summary, DataVersion dataVersion, CultureInfo server)
{
    private readonly CultureInfo? _configured = DisplayCultures.Find(options.Value.Culture);
    private readonly Lock _gate = new();
    private (long Version, Task<CultureInfo> Culture)? _default;

    /// <summary>The server's culture, the default where neither the setting nor the data picks one.</summary>
    public CultureInfo Server => server;

    /// <summary>
    /// The default for the stored data. Every request asks (the request culture's last provider), so one look at the
    /// data serves every request until the data changes, however many arrive while it is read.
    /// </summary>
    public Task<CultureInfo> DefaultAsync()
    {
        if (_configured is { } configured)
        {
            return Task.FromResult(configured);
        }
        var version = dataVersion.Current;
        lock (_gate)
        {
            if (_default is not { } known || known.Version != version || known.Culture.IsFaulted)
            {
                _default = known = (version, ReadAsync());
            }
            return known.Culture;
        }
    }

    private async Task<CultureInfo> ReadAsync() => For((await summary.GetAsync()).MainCurrency);

    /// <summary>The default for data whose main currency is <paramref name="currency"/>, when nothing is configured.</summary>
    public CultureInfo For(string? currency) => _configured ?? (currency == "INR" ? DisplayCultures.India : server);

    /// <summary>What a reader may choose: the configured culture, en-IN, the server's and a few common ones.</summary>
    public IReadOnlyList<CultureInfo> Choices =>
        new[] { _configured, DisplayCultures.India, server }
            .Concat(DisplayCultures.Offered.Select(DisplayCultures.Find))
            .OfType<CultureInfo>().Where(c => c.Name.Length > 0).DistinctBy(c => c.Name).ToList();
}
