namespace Dashboard.Core.Orders;

/// <summary>The values the filter controls offer.</summary>
public sealed record OrderFilterOptions(
    DateOnly? MinDate,
    DateOnly? MaxDate,
    IReadOnlyList<string> Categories,
    IReadOnlyList<StatusGroup> StatusGroups,
    IReadOnlyList<string> Fulfilments,
    IReadOnlyList<string> SalesChannels,
    IReadOnlyList<string> ServiceLevels,
    IReadOnlyList<string> States,
    IReadOnlyList<string> Currencies,
    string? MainCurrency);
