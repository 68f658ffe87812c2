using Dashboard.Tests.Support;

namespace Dashboard.Tests.Cli;

public sealed class DisplayCultureSettingTests
{
    [Fact]
    public async Task AnUnknownDisplayCultureStopsTheStartWithOneSentenceNamingTheSetting()
    {
        using var db = new TempDatabase();

        var result = await WebExecutable.RunAsync(db.ConnectionString, db.Folder,
            "--urls", $"http://127.0.0.1:{AppProcess.FreePort()}", "--Display:Culture=xx-YY", "--Models:TrainOnFirstStart=false");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Dashboard could not start: Display:Culture must be a culture name such as en-IN", result.Stderr);
        Assert.Contains("'xx-YY' is not one", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
