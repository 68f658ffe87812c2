namespace Dashboard.Web.Components.Layout;

/// <summary>
/// Whether the browser says it runs on a phone: Chromium's low-entropy client hint <c>Sec-CH-UA-Mobile: ?1</c>, sent with
/// every request without being asked for. A phone shows neither the navigation drawer nor the filter fields until the reader
/// opens them (the narrow screen folds both), so they are rendered only then: the circuit's first render, which replaces the
/// prerendered page on a phone's slow CPU, is that much smaller (decision 0007). Browsers that do not send the hint
/// (Safari, Firefox) get every page whole, as a desktop does; the CSS still folds it on a narrow screen.
/// </summary>
public static class PhoneHint
{
    /// <summary>The name of the cascaded <see cref="bool"/>, from Routes: true when the request came from a phone.</summary>
    public const string Cascade = "Phone";

    /// <summary>True when the request carries <c>Sec-CH-UA-Mobile: ?1</c>.</summary>
    public static bool IsPhone(HttpContext context) =>
        string.Equals(context.Request.Headers["Sec-CH-UA-Mobile"].ToString(), "?1", StringComparison.Ordinal);
}
