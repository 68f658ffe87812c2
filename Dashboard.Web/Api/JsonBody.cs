using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Dashboard.Core.Models.Scoring;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Api;

/// <summary>
/// Reads a small JSON object from a request body with the app's JSON options, or says what is wrong with it as problem
/// details (decision 0021): 413 past <see cref="MaxBytes"/>, 415 when it is not JSON, 400 naming every field that cannot
/// be read as its type (a number out of a decimal's range, NaN, text for a number), or the body when it is no JSON object.
/// </summary>
public static class JsonBody
{
    /// <summary>The most a What-if question may take: its inputs are a few hundred bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    private const string Body = "body";

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, CancellationToken cancellationToken) where T : class
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
            return (null, Results.Problem("Send the inputs as a JSON object (Content-Type: application/json).", statusCode: StatusCodes.Status415UnsupportedMediaType));
        if (request.ContentLength > MaxBytes || await ReadAtMostAsync(request.Body, cancellationToken) is not { } bytes)
            return (null, Results.Problem($"The body is larger than {MaxBytes / 1024} KB; a question's inputs take a few hundred bytes.",
                statusCode: StatusCodes.Status413PayloadTooLarge));
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException)
        {
            return (null, Refused(Body, "must be a JSON object of the inputs; this is not valid JSON."));
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, Refused(Body, "must be a JSON object of the inputs."));
            var errors = UnreadableFields(document.RootElement, options.GetTypeInfo(typeof(T)), options);
            return errors.Count > 0 ? (null, Results.ValidationProblem(errors)) : (document.RootElement.Deserialize<T>(options), null);
        }
    }

    /// <summary>Each of the object's properties that <paramref name="type"/> has, read alone, so that every bad one is named.</summary>
    private static Dictionary<string, string[]> UnreadableFields(JsonElement root, JsonTypeInfo type, JsonSerializerOptions options)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var property in root.EnumerateObject())
        {
            if (type.Properties.FirstOrDefault(p => string.Equals(p.Name, property.Name, comparison)) is not { } target)
                continue;
            try
            {
                property.Value.Deserialize(target.PropertyType, options);
            }
            catch (Exception e) when (e is JsonException or FormatException or OverflowException or InvalidOperationException)
            {
                errors[target.Name] = [Expected(target.PropertyType)];
            }
        }
        return errors;
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(decimal) => "must be a number, such as 1234.50 (not NaN or Infinity, and not beyond a decimal's range).",
        var t when t == typeof(int) || t == typeof(long) => "must be a whole number within range.",
        var t when t == typeof(bool) => "must be true or false.",
        var t when t == typeof(DayOfWeek) => WhatIfValidator.WeekdayReason,
        var t when t == typeof(string) => "must be text.",
        var t => $"must be a {t.Name}.",
    };

    private static IResult Refused(string field, string reason) => Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] });

    /// <summary>The body, or null when it is longer than <see cref="MaxBytes"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
