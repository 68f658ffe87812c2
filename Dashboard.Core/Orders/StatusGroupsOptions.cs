namespace Dashboard.Core.Orders;

/// <summary>
/// The <c>StatusGroups</c> section: raw <c>Status</c> text → <see cref="StatusGroup"/>. Empty (the section not given):
/// the built-in mapping, <see cref="StatusGroupMapping.Default"/>.
/// </summary>
public sealed class StatusGroupsOptions() : Dictionary<string, StatusGroup>(StringComparer.OrdinalIgnoreCase)
{
    public const string SectionName = "StatusGroups";
}
