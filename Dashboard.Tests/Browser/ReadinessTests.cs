using System.Diagnostics;
using System.Net;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Browser;

/// <summary>
/// <c>/health/ready</c> of a real app process follows its PostgreSQL store: 503 soon after the server stops, 200 again soon
/// after it is back, without a restart of the app (decision 0028-health-and-drain). The server is the test's own.
/// </summary>
[TestDuration(28)]
public sealed class ReadinessTests
{
    [Fact]
    public async Task ReadyAnswers503WithinTenSecondsOfTheStoreStoppingAnd200WithinThirtyOfItsReturn()
    {
        using var postgres = PrivatePostgres.Start();
        await using var app = await AppProcess.StartAsync(postgres.ConnectionString, new Dictionary<string, string>
        {
            ["Store__Provider"] = "PostgreSQL",
            ["Models__TrainOnFirstStart"] = "false",
        }, browser: false);
        using var probe = new HttpClient { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(20) };
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/ready")).StatusCode);

        postgres.Stop();
        var down = await UntilAsync(probe, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/health/live")).StatusCode); // the process itself answers

        postgres.StartAgain();
        var up = await UntilAsync(probe, HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.False(app.HasExited);
        Console.WriteLine($"Ready answered 503 {down.TotalSeconds:F1} s after the store stopped, 200 {up.TotalSeconds:F1} s after it was back.");
    }

    /// <summary>Asks <c>/health/ready</c> every 200 ms until it answers <paramref name="status"/>; fails past <paramref name="within"/>.</summary>
    private static async Task<TimeSpan> UntilAsync(HttpClient probe, HttpStatusCode status, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await probe.GetAsync("/health/ready");
            if (response.StatusCode == status)
            {
                return clock.Elapsed;
            }
            Assert.True(clock.Elapsed < within, $"/health/ready answered {(int)response.StatusCode}, not {(int)status}, for {within.TotalSeconds:F0} s");
            await Task.Delay(200);
        }
    }
}
