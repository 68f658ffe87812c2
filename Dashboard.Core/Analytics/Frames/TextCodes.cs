
namespace Dashboard.Core.Analytics.Frames;

/// <summary>Dictionary codes of a text column: the first value seen gets code 0, and so on.</summary>
internal sealed class TextCodes
{
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>The code of an <c>Int16</c> code column (the charts' dimensions, a few hundred values at most).</summary>
    public short Code(string value)
    {
        var code = WideCode(value);
        return code <= short.MaxValue
            ? (short)code
            : throw new InvalidOperationException($"More than {short.MaxValue} distinct values in one text column.");
    }

    /// <summary>The code of an <c>Int32</c> code column (values without a small bound, such as cities).</summary>
    public int WideCode(string value)
    {
        if (!_codes.TryGetValue(value, out var code))
        {
            code = _names.Count;
            _codes.Add(value, code);
            _names.Add(value);
        }
        return code;
    }

    public IReadOnlyList<string> Names => _names;
}
