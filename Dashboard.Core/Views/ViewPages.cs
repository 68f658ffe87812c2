using Dashboard.Core.Users;

namespace Dashboard.Core.Views;

/// <summary>
/// The pages a view can name, with the role that opens each. Only these: a view's address is always one of the app's own
/// pages, so a shared view can never send its readers elsewhere.
/// </summary>
public static class ViewPages
{
    public static readonly IReadOnlyDictionary<string, Role> All = new Dictionary<string, Role>(StringComparer.Ordinal)
    {
        ["orders"] = Role.Viewer,
        ["orders/rows"] = Role.Analyst,
        ["weekly"] = Role.Viewer,
        ["purchases"] = Role.Viewer,
        ["purchases/rows"] = Role.Analyst,
    };

    /// <summary>The page a base-relative path names (<c>""</c>, the overview, is <c>orders</c>), or null when no view can name it.</summary>
    public static string? Find(string? path)
    {
        var page = (path ?? "").Trim().Trim('/').ToLowerInvariant();
        page = page.Length == 0 ? "orders" : page;
        return All.ContainsKey(page) ? page : null;
    }

    /// <summary>Whether <paramref name="user"/> may open <paramref name="page"/>.</summary>
    public static bool Opens(UserAccount user, string page) => All.TryGetValue(page, out var role) && user.Can(role);
}
