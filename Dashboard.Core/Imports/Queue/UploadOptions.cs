using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Settings;

namespace Dashboard.Core.Imports.Queue;

/// <summary>The <c>Uploads</c> section of appsettings.json.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>Where uploaded files wait for their preview and commit; relative to the content root. Default <c>App_Data/uploads</c>.</summary>
    [Required(ErrorMessage = SettingRules.Required)]
    public string Folder { get; set; } = "App_Data/uploads";

    /// <summary>The largest file accepted, in bytes, enforced on the server while the file streams in. Default 512 MB.</summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = SettingRules.Positive)]
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// How long, in minutes, a staged file may wait for its commit (a preview nobody committed, from the API or a closed
    /// page) before it is deleted. Default 60.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int KeepStagedMinutes { get; set; } = 60;

    public TimeSpan KeepStaged => TimeSpan.FromMinutes(KeepStagedMinutes);

    /// <summary>See <see cref="ImportLimits.MaxExpandedBytes"/>. Default 4 GB.</summary>
    [Range(typeof(long), "1", "9223372036854775807", ErrorMessage = SettingRules.Positive)]
    public long MaxExpandedBytes { get; set; } = ImportLimits.Default.MaxExpandedBytes;

    /// <summary>See <see cref="ImportLimits.MaxExpansionRatio"/>. Default 100.</summary>
    [Range(1, int.MaxValue, ErrorMessage = SettingRules.Positive)]
    public int MaxExpansionRatio { get; set; } = ImportLimits.Default.MaxExpansionRatio;
}
