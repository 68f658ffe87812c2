namespace Dashboard.Core.Data;

/// <summary>
/// How long user-supplied text may be where it is stored or shown (decision 0015): a sign-in with a 1 MB user name,
/// a file name, an error that quotes a 1M-column header. Longer text is cut, with an ellipsis, never stored whole. And what
/// neither store can hold as text — U+0000, which PostgreSQL refuses, and half a surrogate pair, which is no UTF-8 — is
/// replaced by U+FFFD, the same on both stores (decision 0017).
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

    /// <summary>The character that stands for one the stores cannot hold.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// <paramref name="text"/>, or its first <paramref name="max"/> − 1 characters and "…"; either way with what the stores
    /// cannot hold replaced by <see cref="Replacement"/>.
    /// </summary>
    public static string? Shorten(string? text, int max)
    {
        if (text is null)
        {
            return null;
        }
        text = Storable(text);
        if (text.Length <= max)
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

    /// <summary><paramref name="text"/> with each U+0000 and each half of a surrogate pair replaced by <see cref="Replacement"/>.</summary>
    public static string Storable(string text)
    {
        var first = FirstUnstorable(text);
        if (first < 0)
        {
            return text;
        }
        return string.Create(text.Length, (text, first), static (chars, state) =>
        {
            var (source, from) = state;
            source.AsSpan().CopyTo(chars);
            for (var i = from; i < chars.Length; i++)
            {
                if (chars[i] == '\0')
                {
                    chars[i] = Replacement;
                }
                else if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                {
                    i++; // a whole pair
                }
                else if (char.IsSurrogate(chars[i]))
                {
                    chars[i] = Replacement;
                }
            }
        });
    }

    private static int FirstUnstorable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a whole pair
            }
            else if (text[i] == '\0' || char.IsSurrogate(text[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
