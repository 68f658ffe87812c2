using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Dashboard.Tests.Support;

/// <summary>
/// A small SMTP server for the tests, on 127.0.0.1 and a free port: it speaks enough of RFC 5321 (EHLO/HELO, MAIL, RCPT,
/// DATA with dot-stuffing, RSET, NOOP, QUIT) for MailKit, offers no STARTTLS, offers AUTH PLAIN and lets any password in (<see cref="Passwords"/>), and keeps every message it
/// accepts. <see cref="RefuseNext"/> makes it answer the next messages' MAIL FROM with a temporary failure.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly ConcurrentQueue<string> _signIns = new();
    private int _refuse;
    private int _disposed;

    public SmtpSink()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    /// <summary>The passwords clients signed in with (AUTH PLAIN, offered to every client and never refused).</summary>
    public IReadOnlyCollection<string> Passwords => _signIns;

    /// <summary>Settings that send the app's mail here (as configuration keys).</summary>
    public Dictionary<string, string> Settings(string publicUrl = "http://localhost/") => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:From"] = "Dashboard <dashboard@example.test>",
        ["Mail:PublicUrl"] = publicUrl,
    };

    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuse, count);

    /// <summary>The first message (from now on or already here) that <paramref name="match"/> accepts.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            if (_messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching message arrived within {timeoutSeconds} s ({_messages.Count} others did).");
            }
            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var reader = new StreamReader(stream, Encoding.Latin1, false, 8192, leaveOpen: true);
        var writer = new StreamWriter(stream, Encoding.Latin1, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test sink ready");
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250-8BITMIME");
                        await writer.WriteLineAsync("250-AUTH PLAIN");
                        await writer.WriteLineAsync("250 SIZE 52428800");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        if (Interlocked.Decrement(ref _refuse) >= 0)
                        {
                            await writer.WriteLineAsync("451 4.3.0 try again later");
                        }
                        else
                        {
                            Interlocked.Exchange(ref _refuse, 0);
                            await writer.WriteLineAsync("250 2.1.0 ok");
                        }
                        break;
                    case "RCPT":
                        await writer.WriteLineAsync("250 2.1.5 ok");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())));
                        _messages.Enqueue(message);
                        _arrived.Release();
                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "AUTH":
                        // AUTH PLAIN with its credentials on the line, or on the next one: any user and password is let in.
                        var credentials = line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, var initial] ? initial : null;
                        if (credentials is null)
                        {
                            await writer.WriteLineAsync("334 ");
                            credentials = await reader.ReadLineAsync(_stop.Token);
                        }
                        _signIns.Enqueue(Encoding.UTF8.GetString(Convert.FromBase64String(credentials ?? "")).Split('\0')[^1]);
                        await writer.WriteLineAsync("235 2.7.0 ok");
                        break;
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 ok");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
