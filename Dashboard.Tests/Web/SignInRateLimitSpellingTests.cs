using System.Net;
using System.Net.Sockets;
using System.Text;
using Dashboard.Tests.Support;

namespace Dashboard.Tests.Web;

/// <summary>
/// The sign-in limit counts posts to the limited pages however the path is spelled. The app runs as a real process
/// (Kestrel decodes and normalises paths; the in-memory server does not do it alike), and each request is written
/// byte for byte on a socket, so that no client library tidies the path first, from a loopback address of the test's
/// own (127.0.0.N), so that the tests' limits stay apart.
/// </summary>
public sealed class SignInRateLimitSpellingTests(SignInRateLimitSpellingTests.App app) : IClassFixture<SignInRateLimitSpellingTests.App>
{
    private const int Limit = 3;
    private static int _addresses = 1;

    public sealed class App : IAsyncLifetime
    {
        private readonly TempDatabase _db = new();

        public AppProcess Process { get; private set; } = default!;

        public async Task InitializeAsync() => Process = await AppProcess.StartAsync(_db.ConnectionString, new Dictionary<string, string>
        {
            ["Models__TrainOnFirstStart"] = "false",
            ["Auth__SignInAttemptsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, browser: false);

        public async Task DisposeAsync()
        {
            await Process.DisposeAsync();
            _db.Dispose();
        }
    }

    [Theory]
    [InlineData("/account/login", "/account/login/")]
    [InlineData("/account/login", "/Account/LOGIN")]
    [InlineData("/account/login", "/ACCOUNT/login/")]
    [InlineData("/account/login", "/account/%6Cogin")]
    [InlineData("/account/login", "/account/%6c%6F%67%69%6E/")]
    [InlineData("/account/login", "/account/./login")]
    [InlineData("/account/login", "/x/../account/login/")]
    [InlineData("/account/password", "/account/password/")]
    [InlineData("/account/password", "/Account/Password")]
    [InlineData("/account/password", "/account/%70assword")]
    [InlineData("/setup", "/setup/")]
    [InlineData("/setup", "/SETUP")]
    [InlineData("/setup", "/%73etup")]
    public async Task ASpellingThatReachesThePageCountsAgainstTheSameLimit(string path, string spelling)
    {
        // Posts under the spelling use up the plain path's allowance ...
        var address = NewAddress();
        for (var i = 0; i < Limit; i++)
        {
            Assert.NotEqual(429, (await PostAsync(spelling, address)).Status);
        }
        var refused = await PostAsync(path, address);
        Assert.Equal(429, refused.Status);
        Assert.Contains("\r\nRetry-After: ", refused.Head, StringComparison.OrdinalIgnoreCase);

        // ... and posts under the plain path use up the spelling's.
        address = NewAddress();
        for (var i = 0; i < Limit; i++)
        {
            Assert.NotEqual(429, (await PostAsync(path, address)).Status);
        }
        Assert.Equal(429, (await PostAsync(spelling, address)).Status);
    }

    [Theory]
    [InlineData("/account//login")]
    [InlineData("/account/login;jsessionid=1")]
    [InlineData("/account/login%3Bx=1")]
    [InlineData("/account/login%2F")]
    [InlineData("/account%2Flogin")]
    [InlineData("/setup;x")]
    [InlineData("/setup%2F")]
    public async Task ASpellingThatDoesNotReachThePageNeverChecksAPassword(string spelling)
    {
        var address = NewAddress();

        for (var i = 0; i < Limit + 2; i++)
        {
            // The pages answer a post without its form's token 400; a path with no page behind it is sent to sign in (302).
            var answer = await PostAsync(spelling, address);
            Assert.True(answer.Status is 302 or 404 or 429, $"{spelling}: {answer.Head}");
        }
    }

    [Fact]
    public async Task OpeningTheSignInPageIsNotAnAttempt()
    {
        var address = NewAddress();

        for (var i = 0; i < Limit + 2; i++)
        {
            Assert.Equal(200, (await SendAsync("GET", "/account/login/", address)).Status);
        }
        Assert.NotEqual(429, (await PostAsync("/account/login", address)).Status);
    }

    private static IPAddress NewAddress() => IPAddress.Parse($"127.0.0.{Interlocked.Increment(ref _addresses)}");

    /// <summary>A post of the form without its token: the limit counts it before antiforgery refuses it, as any attempt.</summary>
    private Task<(int Status, string Head)> PostAsync(string path, IPAddress from) => SendAsync("POST", path, from);

    private async Task<(int Status, string Head)> SendAsync(string method, string path, IPAddress from)
    {
        var server = new Uri(app.Process.BaseUrl);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(from, 0));
        await socket.ConnectAsync(IPAddress.Loopback, server.Port);
        const string body = "Input.UserName=guesser&Input.Password=guess";
        var request = $"{method} {path} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n"
            + (method == "POST" ? $"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {body.Length}\r\n\r\n{body}" : "\r\n");
        await socket.SendAsync(Encoding.ASCII.GetBytes(request));
        var answer = new StringBuilder();
        var buffer = new byte[8192];
        for (int read; (read = await socket.ReceiveAsync(buffer)) > 0 && !answer.ToString().Contains("\r\n\r\n", StringComparison.Ordinal);)
        {
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        var head = answer.ToString().Split("\r\n\r\n")[0];
        return (int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), head);
    }
}
