using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Settings;

namespace Dashboard.Core.Imports;

/// <summary>The <c>Imports</c> section: the largest amounts a row may have (see <see cref="ImportLimits"/>, decision 0015).</summary>
public sealed class ImportsOptions
{
    public const string SectionName = "Imports";

    /// <summary>The largest <c>Amount</c> of an order line, in its currency's major units. Default 10,000,000.</summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = SettingRules.Positive)]
    public long MaxLineAmount { get; set; } = (long)ImportLimits.Default.MaxLineAmount;

    /// <summary>The largest <c>Purchase</c> of a transaction. Default 10,000,000.</summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int MaxPurchase { get; set; } = ImportLimits.Default.MaxPurchase;
}
