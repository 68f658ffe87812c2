using Dashboard.Core;
using Dashboard.Core.Data;
using Dashboard.Core.Digests;
using Dashboard.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Support;

/// <summary>The app's own mail services over a test store, as one "process" (several can share the store), and confirming an address as its owner would.</summary>
public static class MailServices
{
    public static ServiceProvider Process(TempDatabase db, TimeProvider clock, IMailTransport transport, IDictionary<string, string?>? settings = null) =>
        Process(db, clock, settings, transport);

    /// <summary>The same, sending through the app's own SMTP transport (to a <see cref="SmtpSink"/> named in <paramref name="settings"/>) unless <paramref name="transport"/> is given.</summary>
    public static ServiceProvider Process(TempDatabase db, TimeProvider clock, IDictionary<string, string?>? settings, IMailTransport? transport = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Dashboard"] = db.ConnectionString,
            ["Store:Provider"] = db.Provider.ToString(),
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:From"] = "dashboard@example.test",
            ["Mail:PublicUrl"] = "https://dashboard.example.test/",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDashboardCore(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), db.Folder);
        services.AddSingleton(clock);
        if (transport is not null)
        {
            services.AddSingleton(transport);
        }
        return services.BuildServiceProvider();
    }

    /// <summary>Follows the confirmation link of <paramref name="address"/> for <paramref name="userId"/>, as its owner would.</summary>
    public static async Task ConfirmAsync(this IServiceProvider services, long userId, string address)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<DashboardDbContext>>();
        long id;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            id = await db.Set<MailRecipient>().Where(r => r.UserId == userId && r.Address == address).Select(r => r.Id).SingleAsync();
        }
        var token = services.GetRequiredService<ConfirmationTokens>().Create(id);
        Assert.True(await services.GetRequiredService<ConfirmedAddresses>().ConfirmAsync(token));
    }
}
