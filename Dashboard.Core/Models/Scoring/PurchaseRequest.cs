namespace Dashboard.Core.Models.Scoring;

/// <summary>
/// A What-if question about one customer and product as it arrives (the API's body, the page's form): every input may be
/// missing or out of range until <see cref="WhatIfValidator"/> has checked it and made a
/// <see cref="Features.PurchaseInput"/> of it.
/// </summary>
public sealed record PurchaseRequest
{
    public int? UserId { get; init; }
    public string? ProductId { get; init; }
    public string? Gender { get; init; }
    public string? AgeBand { get; init; }
    /// <summary>Required.</summary>
    public int? Occupation { get; init; }
    public string? CityCategory { get; init; }
    /// <summary>0 to 4, 4 meaning four years or more. Required.</summary>
    public int? StayYears { get; init; }
    /// <summary>Required.</summary>
    public bool? Married { get; init; }
    /// <summary>Required.</summary>
    public int? ProductCategory1 { get; init; }
    public int? ProductCategory2 { get; init; }
    public int? ProductCategory3 { get; init; }
}
