using System.IO.Compression;
using Dashboard.Core.Imports.Csv;
using Dashboard.Core.Imports.Formats;

/// <summary>
/// The row parsers alone on a real export, held in memory: each round reads every record and parses it, and a floor
/// round only reads the records. Prints the median of each, so that a change to a parser shows apart from the reader
/// and the database.
/// </summary>
internal static class ParseBenchmark
{
    public static void Run(string file, int rounds)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        var text = new StreamReader(gzip).ReadToEnd();
        using var first = new CsvRecordReader(new StringReader(text));
        first.Read();
        var amazon = CsvHeader.Read(first).IndexOf("Order ID") >= 0;
        var floor = new List<double>();
        var parse = new List<double>();
        var (rows, errors) = (0, 0);
        for (var round = 0; round < rounds + 1; round++) // the first round warms the JIT up and is not counted
        {
            var readOnly = Time(text, (_, _) => { });
            var parsed = amazon ? Amazon(text, out rows, out errors) : Purchases(text, out rows, out errors);
            if (round > 0)
            {
                floor.Add(readOnly);
                parse.Add(parsed);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(file)}: {rows:N0} rows, {errors:N0} refused; read only {Median(floor):0.0} ms, read and parse {Median(parse):0.0} ms (median of {rounds})"));
    }

    private static double Amazon(string text, out int rows, out int errors)
    {
        var (count, refused) = (0, 0);
        AmazonOrderRowParser? parser = null;
        var elapsed = Time(text, (header, row) =>
        {
            parser ??= new AmazonOrderRowParser(header, new StatusGroupMapping(), new DateOnly(2030, 1, 1));
            count++;
            refused += parser.Parse(row, out _) is null ? 1 : 0;
        });
        (rows, errors) = (count, refused);
        return elapsed;
    }

    private static double Purchases(string text, out int rows, out int errors)
    {
        var (count, refused) = (0, 0);
        PurchaseRowParser? parser = null;
        var elapsed = Time(text, (header, row) =>
        {
            parser ??= new PurchaseRowParser(header);
            refused += parser.Parse(row, count++, out _) is null ? 1 : 0;
        });
        (rows, errors) = (count, refused);
        return elapsed;
    }

    private static double Time(string text, Action<CsvHeader, CsvRecordReader> each)
    {
        var clock = Stopwatch.StartNew();
        using var csv = new CsvRecordReader(new StringReader(text));
        csv.Read();
        var header = CsvHeader.Read(csv);
        while (csv.Read())
        {
            each(header, csv);
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
