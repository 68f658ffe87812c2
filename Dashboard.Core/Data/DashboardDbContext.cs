using Dashboard.Core.Imports;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Data;

/// <summary>
/// The product's store. The schema is not created by EF: <see cref="Schema.SchemaMigrator"/> applies ordered,
/// versioned SQL steps at start-up, and a test checks that this model and those steps agree.
/// </summary>
public sealed class DashboardDbContext(DbContextOptions<DashboardDbContext> options) : DbContext(options)
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

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(DashboardDbContext).Assembly);
}

/// <summary>A key/value row of the store's own bookkeeping (e.g. the status mapping in force).</summary>
public sealed class AppMetadata
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
