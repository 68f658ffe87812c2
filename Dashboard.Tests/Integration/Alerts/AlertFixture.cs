using System.Globalization;
using Dashboard.Core.Alerts;
using Dashboard.Core.Digests;
using Dashboard.Core.Imports;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Dashboard.Tests.Integration.Alerts;

/// <summary>
/// Three whole weeks of orders, Monday 2022-04-04 to Sunday 2022-04-24, counted by hand: Set has 5, 6, … 11 one-line orders
/// from Monday to Sunday each week, except Wednesday 2022-04-20 with 20; two of Friday 2022-04-22's nine Set orders are
/// cancelled; kurta has 3 orders every day. Every line is ₹100.
/// </summary>
public static class AlertFixture
{
    public static readonly DateOnly First = new(2022, 4, 4);
    public const int Days = 21;
    public static readonly DateOnly Spike = new(2022, 4, 20);
    public static readonly DateOnly Cancelled = new(2022, 4, 22);

    public static int SetOrders(DateOnly day) => day == Spike ? 20 : 5 + (day.DayNumber - First.DayNumber) % 7;

    public static string Csv(int fromDay = 0, int toDay = Days - 1, string prefix = "A")
    {
        var csv = new AmazonCsv();
        for (var d = fromDay; d <= toDay; d++)
        {
            var day = First.AddDays(d);
            var date = day.ToString("MM-dd-yy", CultureInfo.InvariantCulture);
            for (var i = 0; i < SetOrders(day); i++)
            {
                var cancelled = day == Cancelled && i < 2;
                csv.Line($"{prefix}-{d}-S{i}", sku: $"SET{i}-L", date: date, category: "Set", status: cancelled ? "Cancelled" : "Shipped",
                    amount: cancelled ? "" : "100.00", currency: cancelled ? "" : "INR");
            }
            for (var i = 0; i < 3; i++)
            {
                csv.Line($"{prefix}-{d}-K{i}", sku: $"KUR{i}-L", date: date, category: "kurta");
            }
        }
        return csv.ToString();
    }

    public static ImportSummary Import(this IServiceProvider process, string csv, string name = "export.csv")
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        return process.GetRequiredService<ImportService>().Import(stream, name);
    }

    public static async Task<UserAccount> UserAsync(this IServiceProvider process, string name, Role role = Role.Viewer)
    {
        var users = process.GetRequiredService<UserService>();
        return (await users.ListAsync()).FirstOrDefault(u => u.UserName == name) ?? await users.CreateAsync(name, "a long password", role, "admin");
    }

    public static AlertInput Input(string condition, decimal? value, string metric = "orders", string grain = "day", string filter = "category=Set",
        string email = "boss@example.test", string name = "Set alert") =>
        new(name, metric, grain, filter, condition, value, email);
}

/// <summary>Keeps the mails it is given, confirmation links apart.</summary>
public sealed class AlertTransport : IMailTransport
{
    public List<MimeMessage> Sent { get; } = [];
    public List<MimeMessage> Confirmations { get; } = [];

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        (message.Subject == Dashboard.Core.Mail.ConfirmationMail.Subject ? Confirmations : Sent).Add(message);
        return Task.CompletedTask;
    }
}
