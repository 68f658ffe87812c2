using System.Globalization;
using Dashboard.Core.Analytics;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Display;

/// <summary>
/// The display culture a reader gets unless they chose another: <c>Display:Culture</c> when it is set; otherwise en-IN
/// when the data's main currency is INR, and the server's culture for any other data.
/// </summary>
/// <param name="options">The <c>Display</c> section.</param>
/// <param name="summary">What is stored, for the data's main currency.</param>
/// <param name="server">The process's own culture, read at start (inside a request the current culture is the reader's).</param>
public sealed class DisplayCulture(IOptions<DisplayOptions> options, DatasetSummaryQuery summary, CultureInfo server)
{
    private readonly CultureInfo? _configured = DisplayCultures.Find(options.Value.Culture);

    /// <summary>The server's culture, the default where neither the setting nor the data picks one.</summary>
    public CultureInfo Server => server;

    public async Task<CultureInfo> DefaultAsync(CancellationToken cancellationToken = default) =>
        _configured ?? For((await summary.GetAsync(cancellationToken)).MainCurrency);

    /// <summary>The default for data whose main currency is <paramref name="currency"/>, when nothing is configured.</summary>
    public CultureInfo For(string? currency) => _configured ?? (currency == "INR" ? DisplayCultures.India : server);

    /// <summary>What a reader may choose: the configured culture, en-IN, the server's and a few common ones.</summary>
    public IReadOnlyList<CultureInfo> Choices =>
        new[] { _configured, DisplayCultures.India, server }
            .Concat(DisplayCultures.Offered.Select(DisplayCultures.Find))
            .OfType<CultureInfo>().Where(c => c.Name.Length > 0).DistinctBy(c => c.Name).ToList();
}
