namespace Dashboard.Core.Analytics.Export;

/// <summary>A file format the rows can be downloaded in: its extension, its media type and its writer.</summary>
public sealed record DownloadFormat(string Extension, string ContentType, Func<Stream, ITableWriter> Writer)
{
    public static readonly DownloadFormat Csv = new("csv", CsvExport.ContentType, output => new CsvExport(output));
    public static readonly DownloadFormat Parquet = new("parquet", ParquetExport.ContentType, output => new ParquetExport(output));
    public static readonly DownloadFormat Arrow = new("arrow", ArrowExport.ContentType, output => new ArrowExport(output));
    public static readonly DownloadFormat Xlsx = new("xlsx", XlsxExport.ContentType, output => new XlsxExport(output));
}
