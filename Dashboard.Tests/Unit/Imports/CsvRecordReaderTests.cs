using Dashboard.Core.Imports.Csv;

namespace Dashboard.Tests.Unit.Imports;

public class CsvRecordReaderTests
{
    private static List<string[]> ReadAll(string text)
    {
        using var reader = new CsvRecordReader(new StringReader(text));
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return records;
    }

    [Fact]
    public void QuotedFieldKeepsCommasAndDoubledQuotes()
    {
        var records = ReadAll("a,\"x, \"\"y\"\", z\",c\n");
        Assert.Equal(["a", "x, \"y\", z", "c"], records.Single());
    }

    [Fact]
    public void LongQuotedPromotionListIsOneField()
    {
        var promotions = string.Join(",", Enumerable.Range(0, 25).Select(i => $"Amazon PLCC Free-Financing Universal Merchant AAT-{i:X8}"));
        var records = ReadAll($"1,\"{promotions}\",False\n");
        Assert.Equal(3, records.Single().Length);
        Assert.Equal(promotions, records.Single()[1]);
    }

    [Fact]
    public void CrLfAndLfEndRecordsAlike()
    {
        var records = ReadAll("a,b\r\nc,d\ne,f");
        Assert.Equal([["a", "b"], ["c", "d"], ["e", "f"]], records);
    }

    [Fact]
    public void TrailingEmptyFieldIsAField()
    {
        var records = ReadAll("a,b,\n");
        Assert.Equal(["a", "b", ""], records.Single());
    }

    [Fact]
    public void QuotedLineBreakStaysInTheFieldAndLinesAreCounted()
    {
        using var reader = new CsvRecordReader(new StringReader("h1,h2\n\"two\nlines\",x\nlast,y\n"));
        Assert.True(reader.Read());
        Assert.True(reader.Read());
        Assert.Equal("two\nlines", reader.GetString(0));
        Assert.Equal(2, reader.LineNumber);
        Assert.True(reader.Read());
        Assert.Equal(4, reader.LineNumber);
        Assert.Equal(3, reader.RecordNumber);
    }

    [Fact]
    public void QuoteThatNeverClosesFailsNamingTheLineItOpensOn()
    {
        var error = Assert.Throws<CsvFormatException>(() => ReadAll("a,b\nc,d\n\"open,e\nf,g\n"));
        Assert.Equal(3, error.Line);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void StrayQuoteInsideAnUnquotedFieldIsText()
    {
        Assert.Equal(["5\" screen", "x"], ReadAll("5\" screen,x\n").Single());
    }
}
