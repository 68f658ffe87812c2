using System.Text.Json.Serialization;
using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Scoring;

/// <summary>
/// A What-if question about one order line as it arrives (the API's body, the page's form): every input may be missing
/// or out of range until <see cref="WhatIfValidator"/> has checked it and made a <see cref="CancellationInput"/> of it.
/// </summary>
public sealed record CancellationRequest : CancellationFields
{
    /// <summary>Required.</summary>
    [JsonPropertyName(WhatIfValidator.B2B)]
    public bool? B2B { get; init; }
    /// <summary>0 (Sunday) to 6 (Saturday), or the day's English name. Required.</summary>
    public DayOfWeek? Weekday { get; init; }
}
