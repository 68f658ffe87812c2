using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dashboard.Core.Imports;

namespace Dashboard.Web.Cli;

/// <summary>
/// The import verb's summary as JSON, in <see cref="CliJson.Options"/>' shape (camelCase, enums by name, nulls left out,
/// no HTML escaping), written field by field. The serializer, even with build-time metadata, compiled its generic
/// converters for the summary's value types at every run: about 0.1 s of CPU in a process of two seconds
/// (docs/BENCHMARKS.md, "Import back toward 2×").
/// </summary>
internal static class ImportSummaryJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ImportSummary summary)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            WriteOptional(json, "batchId", summary.BatchId);
            json.WriteString("fileName", summary.FileName);
            WriteOptional(json, "format", summary.Format?.ToString());
            json.WriteString("state", summary.State.ToString());
            json.WriteBoolean("dryRun", summary.DryRun);
            WriteOptional(json, "contentHash", summary.ContentHash);
            json.WriteNumber("rowsRead", summary.RowsRead);
            json.WriteNumber("inserted", summary.Inserted);
            json.WriteNumber("updated", summary.Updated);
            json.WriteNumber("unchanged", summary.Unchanged);
            json.WriteNumber("rejected", summary.Rejected);
            json.WriteNumber("duplicates", summary.Duplicates);
            json.WriteStartArray("statusChanges");
            foreach (var change in summary.StatusChanges)
            {
                json.WriteStartObject();
                json.WriteString("from", change.From);
                json.WriteString("to", change.To);
                json.WriteNumber("lines", change.Lines);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteOptional(json, "firstDate", summary.FirstDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            WriteOptional(json, "lastDate", summary.LastDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteStartArray("currencies");
            foreach (var currency in summary.Currencies)
            {
                json.WriteStringValue(currency);
            }
            json.WriteEndArray();
            json.WriteStartArray("issues");
            foreach (var issue in summary.Issues)
            {
                json.WriteStartObject();
                json.WriteString("kind", issue.Kind.ToString());
                json.WriteNumber("row", issue.Row);
                WriteOptional(json, "column", issue.Column);
                WriteOptional(json, "value", issue.Value);
                json.WriteString("reason", issue.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            WriteOptional(json, "error", summary.Error);
            json.WriteNumber("seconds", summary.Seconds);
            json.WriteBoolean("succeeded", summary.Succeeded);
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
    }
}
