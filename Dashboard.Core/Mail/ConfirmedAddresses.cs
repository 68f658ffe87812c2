using Dashboard.Core.Data;
using Dashboard.Core.Digests;
using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Mail;

/// <summary>
/// Which addresses a user may have mail sent to: one gets a confirmation link the first time the user gives it, and
/// nothing else until the link is followed; once confirmed it stays so for the user's later uses, until the address
/// unsubscribes (docs/decisions/0019-mail-confirmed-addresses.md). The link goes through <see cref="MailGuard"/>, so it
/// counts against the same limits as every other mail.
/// </summary>
public sealed class ConfirmedAddresses(
    IDbContextFactory<DashboardDbContext> contexts, MailGuard guard, ConfirmationTokens tokens, DigestLinks links, IOptions<MailOptions> mailSettings,
    AuditLog audit, TimeProvider clock)
{
    private readonly MailOptions _options = mailSettings.Value;

    public static class Actions
    {
        public const string LinkSent = "mail confirmation sent";
        public const string Confirmed = "mail address confirmed";
        public const string Withdrawn = "mail address withdrawn";
    }

    /// <summary>
    /// The address for <paramref name="userId"/>: confirmed, or its link sent when the user gives it for the first time
    /// (or asks again: <paramref name="resend"/>). A link that cannot go out now is reported, not thrown.
    /// </summary>
    public async Task<AddressCheck> RequestAsync(long userId, string address, bool resend = false, CancellationToken cancellationToken = default)
    {
        if (EmailAddress.Parse(address, "E-mail address", out var problem) is not { } bare)
        {
            return new AddressCheck(address, false, false, problem);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipients = db.Set<MailRecipient>();
        var row = await recipients.AsTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Address == bare, cancellationToken);
        if (row?.ConfirmedAt is not null)
        {
            return new AddressCheck(bare, true, false);
        }
        var now = clock.GetUtcNow();
        if (row is null)
        {
            row = new MailRecipient { UserId = userId, Address = bare, RequestedAt = now };
            recipients.Add(row);
            try
            {
                await StoreBusy.WriteAsync(() => db.SaveChangesAsync(cancellationToken), m => new MailRefusedException(m));
            }
            catch (DbUpdateException e) when (Sql.IsUniqueViolation(e))
            {
                return new AddressCheck(bare, false, false); // asked for at the same moment elsewhere: that request sends the link
            }
        }
        else if (!resend)
        {
            return new AddressCheck(bare, false, false);
        }
        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstAsync(cancellationToken);
        var link = links.Confirm(tokens.Create(row.Id));
        var from = MailboxAddress.Parse(_options.From ?? "dashboard@localhost");
        try
        {
            await guard.SendAsync(new MailIntent(userId, bare, MailKind.Confirmation),
                _ => Task.FromResult(ConfirmationMail.Compose(from, bare, userName, link, now + ConfirmationTokens.Lifetime)), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new AddressCheck(bare, false, false,
                e is MailRefusedException ? e.Message : "The confirmation link could not be sent: " + e.Message);
        }
        await audit.RecordAsync(userName, Actions.LinkSent, bare, null, cancellationToken);
        return new AddressCheck(bare, false, true);
    }

    /// <summary>The address a confirmation link is for, or null when the link is forged, expired or no longer valid.</summary>
    public async Task<string?> AddressOfAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (tokens.Read(token) is not { } id)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<MailRecipient>().Where(r => r.Id == id).Select(r => r.Address).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Follows a confirmation link; false when it is forged, expired or no longer valid (the address was withdrawn since).</summary>
    public async Task<bool> ConfirmAsync(string? token, string? from = null, CancellationToken cancellationToken = default)
    {
        if (tokens.Read(token) is not { } id)
        {
            return false;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var recipients = db.Set<MailRecipient>();
        if (await recipients.FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } row)
        {
            return false;
        }
        if (row.ConfirmedAt is null)
        {
            var now = clock.GetUtcNow();
            await StoreBusy.WriteAsync(() => recipients.Where(r => r.Id == id && r.ConfirmedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ConfirmedAt, now), cancellationToken), m => new MailRefusedException(m));
            var userName = await db.Users.Where(u => u.Id == row.UserId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
            await audit.RecordAsync(userName, Actions.Confirmed, row.Address, from, cancellationToken);
        }
        return true;
    }

    /// <summary>The address said stop (it unsubscribed): its next use by this user needs a new confirmation.</summary>
    public async Task WithdrawAsync(long userId, string address, string? from = null, CancellationToken cancellationToken = default)
    {
        if (EmailAddress.Parse(address, "E-mail address", out _) is not { } bare)
        {
            return;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var removed = 0;
        await StoreBusy.WriteAsync(async () => removed = await db.Set<MailRecipient>().Where(r => r.UserId == userId && r.Address == bare)
            .ExecuteDeleteAsync(cancellationToken), m => new MailRefusedException(m));
        if (removed > 0)
        {
            var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
            await audit.RecordAsync(userName, Actions.Withdrawn, bare, from, cancellationToken);
        }
    }
}
