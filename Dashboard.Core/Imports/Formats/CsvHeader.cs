using Dashboard.Core.Imports.Csv;

namespace Dashboard.Core.Imports.Formats;

/// <summary>A file's header: each column's position, looked up by name ignoring case and surrounding spaces.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _positions;

    private CsvHeader(IReadOnlyList<string> names, Dictionary<string, int> positions)
    {
        Names = names;
        _positions = positions;
    }

    public IReadOnlyList<string> Names { get; }

    public int Count => Names.Count;

    public static string Normalize(string name) => name.Trim().ToLowerInvariant();

    public static CsvHeader Read(CsvRecordReader csv)
    {
        var names = new List<string>(csv.FieldCount);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetString(i);
            names.Add(name);
            var key = Normalize(name);
            if (key.Length == 0)
            {
                continue;
            }
            if (!positions.TryAdd(key, i))
            {
                throw new ImportRejectedException(
                    $"The header names the column '{name.Trim()}' twice (columns {positions[key] + 1} and {i + 1}); each column must appear once.");
            }
        }
        return new CsvHeader(names, positions);
    }

    public bool Has(string name) => _positions.ContainsKey(Normalize(name));

    /// <summary>The column's 0-based position, or -1 when the file lacks it.</summary>
    public int IndexOf(string name) => _positions.TryGetValue(Normalize(name), out var i) ? i : -1;
}
