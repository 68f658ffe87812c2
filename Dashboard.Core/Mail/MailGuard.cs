using Dashboard.Core.Data;
using Dashboard.Core.Digests;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Mail;

/// <summary>
/// The one way out for mail to an address a user gave (docs/decisions/0019-mail-confirmed-addresses.md): only to a bare
/// address (<see cref="EmailAddress"/>), only once confirmed (except the confirmation itself), and within the hourly
/// limits per user and per address (<c>Mail:MaxSendsPerUserPerHour</c>, <c>Mail:MaxSendsPerAddressPerHour</c>). The
/// sends are counted in the store, so the limits hold across instances. The message's recipients are set here, to the
/// address alone.
/// </summary>
public sealed class MailGuard(IDbContextFactory<DashboardDbContext> contexts, IMailTransport transport, IOptions<MailOptions> mailSettings, TimeProvider clock)
{
    private readonly MailOptions _options = mailSettings.Value;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>
    /// Checks, counts, builds (only when it may be sent: a digest's charts cost CPU) and sends. Throws
    /// <see cref="MailRefusedException"/> when it may not be sent, and what the transport throws when the server refuses.
    /// </summary>
    public async Task<MimeMessage> SendAsync(MailIntent intent, Func<CancellationToken, Task<MimeMessage>> build, CancellationToken cancellationToken = default)
    {
        var address = EmailAddress.Parse(intent.Address, "E-mail address", out var problem) ?? throw new MailRefusedException(problem);
        if (intent.Kind != MailKind.Confirmation && !await IsConfirmedAsync(intent.UserId, address, cancellationToken))
        {
            throw new MailRefusedException($"{address} has not been confirmed yet: mail goes there only after the link sent to it is followed.");
        }
        await ReserveAsync(intent with { Address = address }, cancellationToken);
        var message = await build(cancellationToken);
        message.To.Clear();
        message.Cc.Clear();
        message.Bcc.Clear();
        message.To.Add(new MailboxAddress("", address));
        await transport.SendAsync(message, cancellationToken);
        return message;
    }

    public async Task<bool> IsConfirmedAsync(long userId, string address, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MailRecipient>().AnyAsync(r => r.UserId == userId && r.Address == address && r.ConfirmedAt != null, cancellationToken);
    }

    /// <summary>
    /// Records the send first, then counts the hour's sends with it: of two instances that send at once, the one that counts
    /// last sees both, so together they never pass a limit. A refused send's record is removed again. A scheduled mail is
    /// counted but not refused: it goes once a week to a confirmed address, and the limits are for what a person triggers.
    /// </summary>
    private async Task ReserveAsync(MailIntent intent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var since = now - (long)Window.TotalMilliseconds;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sends = db.Set<MailSendRecord>();
        await StoreBusy.WriteAsync(() => sends.Where(s => s.AtUnixMs < now - (long)TimeSpan.FromDays(1).TotalMilliseconds).ExecuteDeleteAsync(cancellationToken), Refused);
        var record = new MailSendRecord { UserId = intent.UserId, Address = intent.Address, Kind = intent.Kind, AtUnixMs = now };
        sends.Add(record);
        await StoreBusy.WriteAsync(() => db.SaveChangesAsync(cancellationToken), Refused);
        if (intent.Kind == MailKind.Scheduled)
        {
            return;
        }
        var byUser = await sends.CountAsync(s => s.UserId == intent.UserId && s.AtUnixMs > since, cancellationToken);
        var byAddress = await sends.CountAsync(s => s.Address == intent.Address && s.AtUnixMs > since, cancellationToken);
        var refusal = byAddress > _options.MaxSendsPerAddressPerHour
            ? $"{intent.Address} has had {_options.MaxSendsPerAddressPerHour} mails from this server in the last hour, the most it sends to one address (Mail:MaxSendsPerAddressPerHour). Try again later."
            : byUser > _options.MaxSendsPerUserPerHour
                ? $"This account has had {_options.MaxSendsPerUserPerHour} mails sent in the last hour, the most the server sends for one user (Mail:MaxSendsPerUserPerHour). Try again later."
                : null;
        if (refusal is not null)
        {
            await sends.Where(s => s.Id == record.Id).ExecuteDeleteAsync(CancellationToken.None);
            throw new MailRefusedException(refusal);
        }
    }

    private static MailRefusedException Refused(string message) => new(message);
}
