
namespace Dashboard.Core.Imports.Csv;

/// <summary>The input breaks CSV's rules in a way that makes the whole file unreadable.</summary>
public sealed class CsvFormatException(string message, long line) : Exception(message)
{
    public long Line { get; } = line;
}
