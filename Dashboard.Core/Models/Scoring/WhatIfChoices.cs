namespace Dashboard.Core.Models.Scoring;

/// <summary>The values the What-if form offers for each input: what the stored data and the active models know.</summary>
public sealed record WhatIfChoices(
    IReadOnlyList<string> Cities, IReadOnlyList<string> States, IReadOnlyList<string> Categories, IReadOnlyList<string> Sizes,
    IReadOnlyList<string> Fulfilments, IReadOnlyList<string> SalesChannels, IReadOnlyList<string> ServiceLevels,
    IReadOnlyList<string> Genders, IReadOnlyList<string> AgeBands, IReadOnlyList<string> CityCategories, IReadOnlyList<int> Occupations,
    IReadOnlyList<int> ProductCategories);
