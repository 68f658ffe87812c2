using System.Globalization;

namespace Dashboard.Core.Imports;

/// <summary>The stored form of a date (<c>yyyy-MM-dd</c>), formatted once per distinct date: an export spans a few months.</summary>
internal sealed class DateTexts
{
    private readonly Dictionary<int, string> _texts = [];

    public string Of(DateOnly date)
    {
        if (!_texts.TryGetValue(date.DayNumber, out var text))
        {
            text = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _texts[date.DayNumber] = text;
        }
        return text;
    }
}
