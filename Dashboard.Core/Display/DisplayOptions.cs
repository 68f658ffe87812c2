namespace Dashboard.Core.Display;

/// <summary>
/// How numbers are shown to people, bound from the <c>Display</c> section. Files and the JSON API stay culture-invariant
/// whatever it says (docs/decisions/0025-display-culture.md).
/// </summary>
public sealed class DisplayOptions
{
    public const string SectionName = "Display";

    /// <summary>
    /// The culture that writes numbers and amounts for people (e.g. <c>en-IN</c>: ₹7,85,90,043.30), unless a user chose
    /// another in the menu. Default: empty, which means <c>en-IN</c> when the data's main currency is INR and the server's
    /// culture otherwise.
    /// </summary>
    public string? Culture { get; set; }
}
