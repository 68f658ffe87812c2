using Dashboard.Core.Data;

namespace Dashboard.Core.Imports;

/// <summary>The running tally of one batch, shared by the import loop and the writer of its format.</summary>
internal sealed class BatchCounts
{
    /// <summary>Findings beyond this many are counted but not stored one by one.</summary>
    public const int MaxStoredIssues = 10_000;

    public int RowsRead;
    public int Inserted;
    public int Updated;
    public int Unchanged;
    public int Rejected;
    public int Duplicates;
    public DateOnly? FirstDate;
    public DateOnly? LastDate;
    public readonly SortedSet<string> Currencies = new(StringComparer.Ordinal);
    public readonly Dictionary<(string From, string To), int> StatusChanges = [];
    public readonly List<ImportIssueSummary> Issues = [];

    public void AddIssue(ImportIssueSummary issue)
    {
        if (Issues.Count < MaxStoredIssues)
        {
            // A column name comes from the file's header, a value from its rows: both are bounded where they are kept.
            Issues.Add(issue with
            {
                Column = TextLimits.Shorten(issue.Column, TextLimits.Short),
                Value = TextLimits.Shorten(issue.Value, TextLimits.Short + 1),
                Reason = TextLimits.Shorten(issue.Reason, TextLimits.Message)!,
            });
        }
    }

    /// <summary>A line the writer is given: its date and currency counted.</summary>
    public void See(Orders.OrderLine line)
    {
        SeeDate(line.Date);
        if (line.Currency is { } currency)
        {
            Currencies.Add(currency);
        }
    }

    private void SeeDate(DateOnly date)
    {
        if (FirstDate is null || date < FirstDate)
        {
            FirstDate = date;
        }
        if (LastDate is null || date > LastDate)
        {
            LastDate = date;
        }
    }
}
