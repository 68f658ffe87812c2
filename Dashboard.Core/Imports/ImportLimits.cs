namespace Dashboard.Core.Imports;

/// <summary>
/// What an import accepts at most, whatever the file says (decision 0015). Read from <c>Uploads:MaxExpandedBytes</c>,
/// <c>Uploads:MaxExpansionRatio</c>, <c>Imports:MaxLineAmount</c> and <c>Imports:MaxPurchase</c>; the defaults suit the real exports with a wide margin.
/// </summary>
public sealed record ImportLimits
{
    /// <summary>The most bytes a file's content may have once decompressed (a plain CSV's own size). Default 4 GB.</summary>
    public long MaxExpandedBytes { get; init; } = 4L << 30;

    /// <summary>
    /// The most a gzip file may expand, as decompressed bytes per compressed byte, once it has expanded past
    /// <see cref="RatioCheckAfterBytes"/>. Real CSV exports compress 5–20×; a decompression bomb (blank lines, one
    /// repeated row) compresses about 1,000×. Default 100.
    /// </summary>
    public int MaxExpansionRatio { get; init; } = 100;

    /// <summary>The ratio is judged only past this much output, so a small, very repetitive file still passes. 64 MB.</summary>
    public long RatioCheckAfterBytes { get; init; } = 64L << 20;

    /// <summary>
    /// The largest amount one order line may have, in its currency's major units (default 10,000,000). The real
    /// export's largest is a few thousand; an amount beyond this is a broken export, and thousands of them must not be
    /// able to make a sum meaningless.
    /// </summary>
    public decimal MaxLineAmount { get; init; } = 10_000_000m;

    /// <summary>The largest purchase amount one customer transaction may have (default 10,000,000).</summary>
    public int MaxPurchase { get; init; } = 10_000_000;

    public static ImportLimits Default { get; } = new();

    /// <summary>The limits the settings give: <c>Uploads:MaxExpandedBytes</c>, <c>Uploads:MaxExpansionRatio</c>, <c>Imports:*</c>.</summary>
    public static ImportLimits From(Queue.UploadOptions uploads, ImportsOptions imports) => Default with
    {
        MaxExpandedBytes = uploads.MaxExpandedBytes,
        MaxExpansionRatio = uploads.MaxExpansionRatio,
        MaxLineAmount = imports.MaxLineAmount,
        MaxPurchase = imports.MaxPurchase,
    };
}
