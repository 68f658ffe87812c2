using System.Globalization;
using System.Text;

namespace Dashboard.Core.Analytics.Export;

/// <summary>
/// A small CSV writer for the numbers behind a chart: RFC 4180 quoting, invariant culture, and formula-injection
/// safety — a text cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is prefixed
/// with a single quote so that a spreadsheet shows it as text. Numbers are written as numbers (a negative number is
/// not text and is left alone).
/// </summary>
public sealed class CsvTable
{
    private readonly StringBuilder _text = new();
    private readonly int _columns;

    public CsvTable(params string[] header)
    {
        _columns = header.Length;
        WriteRow(header.Select(h => (object?)h).ToArray());
    }

    public CsvTable Row(params object?[] cells)
    {
        if (cells.Length != _columns)
        {
            throw new ArgumentException($"Expected {_columns} cells, got {cells.Length}.", nameof(cells));
        }
        WriteRow(cells);
        return this;
    }

    public override string ToString() => _text.ToString();

    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => Quote(Neutralise(s)),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        double x when double.IsNaN(x) || double.IsInfinity(x) => "",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    /// <summary>Prefixes a text that a spreadsheet would read as a formula with a single quote.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private void WriteRow(object?[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0)
            {
                _text.Append(',');
            }
            _text.Append(Cell(cells[i]));
        }
        _text.Append("\r\n");
    }
}
