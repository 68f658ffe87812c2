using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Scoring;

namespace Dashboard.Web.Components.Pages.WhatIf;

/// <summary>The cancellation form's state: mutable, bound to the inputs.</summary>
public sealed class CancellationForm
{
    public string? City { get; set; }
    public string? State { get; set; }
    public decimal? Amount { get; set; }
    public string? Category { get; set; }
    public string? Size { get; set; }
    public string? Fulfilment { get; set; }
    public string? SalesChannel { get; set; }
    public string? ServiceLevel { get; set; }
    public bool B2B { get; set; }
    public DayOfWeek Weekday { get; set; }

    public static CancellationForm From(CancellationInput i) => new()
    {
        City = i.City, State = i.State, Amount = i.Amount, Category = i.Category, Size = i.Size, Fulfilment = i.Fulfilment,
        SalesChannel = i.SalesChannel, ServiceLevel = i.ServiceLevel, B2B = i.B2B, Weekday = i.Weekday,
    };

    /// <summary>The question the form asks, for <see cref="WhatIfValidator"/> to check.</summary>
    public CancellationRequest ToRequest() => new()
    {
        City = City, State = State, Amount = Amount, Category = Category, Size = Size, Fulfilment = Fulfilment,
        SalesChannel = SalesChannel, ServiceLevel = ServiceLevel, B2B = B2B, Weekday = Weekday,
    };
}
