using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Orders;

/// <summary>
/// The one editable mapping from an export's raw <c>Status</c> text to a <see cref="StatusGroup"/>.
/// Configured under <c>StatusGroups</c> in appsettings.json; a status it does not name falls into
/// <see cref="StatusGroup.Other"/>. Matching ignores case and surrounding spaces.
/// </summary>
public sealed class StatusGroupMapping
{
    public static readonly IReadOnlyDictionary<string, StatusGroup> Default = new Dictionary<string, StatusGroup>
    {
        ["Pending"] = StatusGroup.Pending,
        ["Pending - Waiting for Pick Up"] = StatusGroup.Pending,
        ["Shipping"] = StatusGroup.Pending,
        ["Shipped"] = StatusGroup.Shipped,
        ["Shipped - Picked Up"] = StatusGroup.Shipped,
        ["Shipped - Out for Delivery"] = StatusGroup.Shipped,
        ["Shipped - Delivered to Buyer"] = StatusGroup.Delivered,
        ["Shipped - Returned to Seller"] = StatusGroup.Returned,
        ["Shipped - Returning to Seller"] = StatusGroup.Returned,
        ["Shipped - Rejected by Buyer"] = StatusGroup.Returned,
        ["Cancelled"] = StatusGroup.Cancelled,
        ["Shipped - Lost in Transit"] = StatusGroup.Lost,
        ["Shipped - Damaged"] = StatusGroup.Lost,
    };

    private readonly Dictionary<string, StatusGroup> _groups;

    public StatusGroupMapping(IReadOnlyDictionary<string, StatusGroup>? groups = null)
    {
        _groups = new Dictionary<string, StatusGroup>(groups ?? Default, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyDictionary<string, StatusGroup> Groups => _groups;

    public StatusGroup GroupOf(string status) =>
        _groups.TryGetValue(status.Trim(), out var group) ? group : StatusGroup.Other;

    /// <summary>A fingerprint of the mapping, stored with the data so that an edited mapping is re-applied.</summary>
    public string Fingerprint()
    {
        var text = string.Join("\n", _groups.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase)
            .Select(p => $"{p.Key.ToUpperInvariant()}={p.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
