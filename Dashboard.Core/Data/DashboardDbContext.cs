using Dashboard.Core.Imports;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

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
    public DbSet<Events.TimelineEvent> TimelineEvents => Set<Events.TimelineEvent>();

    /// <summary>ASP.NET Core's Data Protection key ring (sign-in cookies, antiforgery, unsubscribe links), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);

    /// <summary>The store's way (decision 0016), from the options <see cref="DashboardStore.Configure"/> made.</summary>
    internal StoreKind Kind => this.GetService<IDbContextOptions>().FindExtension<StoreKindExtension>()?.Kind
        ?? throw new InvalidOperationException("The context's options were not made by DashboardStore.Configure.");

    /// <summary>How .NET types map to the store's columns (<see cref="StoreKind.ConfigureConventions"/>).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => Kind.ConfigureConventions(configurationBuilder);
}
