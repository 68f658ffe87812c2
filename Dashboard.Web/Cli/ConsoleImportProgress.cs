using Dashboard.Core.Imports;

namespace Dashboard.Web.Cli;

/// <summary>The <c>import</c> verb's progress on stderr, at most once a second, so stdout stays one JSON object.</summary>
internal sealed class ConsoleImportProgress : IProgress<ImportProgress>
{
    private DateTime _last = DateTime.UtcNow;

    public void Report(ImportProgress value)
    {
        if (DateTime.UtcNow - _last < TimeSpan.FromSeconds(1))
        {
            return;
        }
        _last = DateTime.UtcNow;
        var percent = value.TotalBytes is > 0 ? $" ({100.0 * value.BytesRead / value.TotalBytes.Value:F0}%)" : "";
        Console.Error.WriteLine($"{value.RowsRead:N0} rows{percent}");
    }
}
