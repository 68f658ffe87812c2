using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Core.Imports;

namespace Dashboard.Web.Cli;

/// <summary>
/// Build-time JSON metadata for the import summary, with the same settings as <see cref="CliJson.Options"/>:
/// reflection-based serialization of it cost every import run about 0.1 s of start-up work.
/// </summary>
[JsonSerializable(typeof(ImportSummary))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    public static CliJsonContext Summary { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<DataFormat>(), new JsonStringEnumConverter<BatchState>(), new JsonStringEnumConverter<IssueKind>() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });
}
