using Dashboard.Core.Imports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dashboard.Core.Data;

/// <summary>
/// The product's store. The schema is not created by EF: <see cref="Schema.SchemaMigrator"/> applies ordered,
/// versioned SQL steps at start-up, and a test checks that this model and those steps agree.
/// </summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<PromotionList> PromotionLists => Set<PromotionList>();
    public DbSet<PurchaseTransaction> Purchases => Set<PurchaseTransaction>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<ImportIssue> ImportIssues => Set<ImportIssue>();
    public DbSet<AppMetadata> Metadata => Set<AppMetadata>();
    public DbSet<StoredModel> Models => Set<StoredModel>();
    public DbSet<User> Users => Set<User>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Digests.DigestSubscription> DigestSubscriptions => Set<Digests.DigestSubscription>();
    public DbSet<Digests.DigestSend> DigestSends => Set<Digests.DigestSend>();

    /// <summary>ASP.NET Core's Data Protection key ring (sign-in cookies, antiforgery, unsubscribe links), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);

    /// <summary>
    /// On PostgreSQL the columns keep what SQLite keeps (decision 0012): whole numbers as <c>bigint</c> and times as sortable
    /// ISO text in the formats EF's SQLite provider writes, so that one set of SQL reads both stores (flags are booleans).
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (!Database.IsNpgsql())
        {
            return;
        }
        configurationBuilder.Properties<int>().HaveConversion<long>();
        configurationBuilder.Properties<DateTime>().HaveConversion<DateTimeToStringConverter>();
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToStringConverter>();
        configurationBuilder.Properties<DateOnly>().HaveConversion<DateOnlyToStringConverter>();
    }
}
