using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Settings;

namespace Dashboard.Core.Analytics.Export;

/// <summary>Settings of the row downloads (CSV, Parquet, Arrow), bound from the <c>Downloads</c> section (decision 0023).</summary>
public sealed class DownloadOptions
{
    public const string SectionName = "Downloads";

    /// <summary>
    /// The most downloads written at once by this instance; one more is answered 503 with <c>Retry-After</c>. Default 4.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int MaxParallel { get; set; } = 4;

    /// <summary>
    /// The rows read and written at a time: a Parquet row group, an Arrow record batch. A download holds one batch in
    /// memory, whatever its size. Default 65,536.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int BatchRows { get; set; } = 65_536;
}
