namespace Dashboard.Core.Data;

/// <summary>
/// How long user-supplied text may be where it is stored or shown (issue 12, defect 7): a sign-in with a 1 MB user name,
/// a file name, an error that quotes a 1M-column header. Longer text is cut, with an ellipsis, never stored whole.
/// </summary>
public static class TextLimits
{
    /// <summary>A user name as typed at sign-in (the longest real one is 64 characters).</summary>
    public const int UserName = 64;
    /// <summary>A file name as uploaded.</summary>
    public const int FileName = 255;
    /// <summary>An error message or audit detail.</summary>
    public const int Message = 2_000;
    /// <summary>A column name or an address.</summary>
    public const int Short = 200;

    /// <summary><paramref name="text"/>, or its first <paramref name="max"/> − 1 characters and "…".</summary>
    public static string? Shorten(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }
        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--; // never split a surrogate pair
        }
        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
