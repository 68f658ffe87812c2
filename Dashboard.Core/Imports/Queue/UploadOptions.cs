namespace Dashboard.Core.Imports.Queue;

/// <summary>The <c>Uploads</c> section of appsettings.json.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Uploads";

    /// <summary>Where uploaded files wait for their preview and commit; relative to the content root. Default <c>App_Data/uploads</c>.</summary>
    public string Folder { get; set; } = "App_Data/uploads";

    /// <summary>The largest file accepted, in bytes, enforced on the server while the file streams in. Default 512 MB.</summary>
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// How long a staged file may wait for its commit (a preview nobody committed, from the API or a closed page) before it
    /// is deleted. <c>Uploads:KeepStagedMinutes</c>, default 60.
    /// </summary>
    public TimeSpan KeepStaged { get; set; } = TimeSpan.FromMinutes(60);
}
