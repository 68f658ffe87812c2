using System.Text.Json;
using Dashboard.Core.Imports;
using Dashboard.Web.Cli;

namespace Dashboard.Tests.Cli;

/// <summary>
/// The import verb writes its summary field by field; what it prints must be what the serializer would print with the
/// verbs' JSON settings (camelCase, enums by name, nulls left out, no HTML escaping), so that scripts reading it see no change.
/// </summary>
public sealed class ImportSummaryJsonTests
{
    [Fact]
    public void ASucceededSummaryWithEveryFieldIsWrittenAsTheSerializerWritesIt()
    {
        var summary = new ImportSummary
        {
            BatchId = 42,
            FileName = "orders <March> & \"April\" é.csv",
            Format = DataFormat.AmazonOrders,
            State = BatchState.Succeeded,
            ContentHash = "ab12",
            RowsRead = 10,
            Inserted = 5,
            Updated = 2,
            Unchanged = 1,
            Rejected = 1,
            Duplicates = 1,
            StatusChanges = [new StatusChange("Pending", "Shipped", 2), new StatusChange("Shipped", "Cancelled", 1)],
            FirstDate = new DateOnly(2022, 3, 31),
            LastDate = new DateOnly(2022, 6, 29),
            Currencies = ["INR", "USD"],
            Issues =
            [
                new ImportIssueSummary(IssueKind.Duplicate, 7, "Order ID, SKU", "A-1, S", "repeats row 6; the later row is kept"),
                new ImportIssueSummary(IssueKind.Rejected, 9, null, null, "The file ends in the middle of this row"),
            ],
            Seconds = 1.234,
        };

        Assert.Equal(JsonSerializer.Serialize(summary, CliJson.Options), ImportSummaryJson.Write(summary));
    }

    [Fact]
    public void AFailedDryRunWithNoFormatLeavesOutWhatItDoesNotKnow()
    {
        var summary = new ImportSummary
        {
            FileName = "x.csv",
            State = BatchState.Failed,
            DryRun = true,
            Error = "The file is empty.",
            Seconds = 0.1,
        };

        var written = ImportSummaryJson.Write(summary);

        Assert.Equal(JsonSerializer.Serialize(summary, CliJson.Options), written);
        Assert.DoesNotContain("batchId", written, StringComparison.Ordinal);
        Assert.DoesNotContain("firstDate", written, StringComparison.Ordinal);
    }
}
