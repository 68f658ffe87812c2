using Dashboard.Core.Digests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class DigestSendConfiguration : IEntityTypeConfiguration<DigestSend>
{
    public void Configure(EntityTypeBuilder<DigestSend> b)
    {
        b.ToTable("digest_sends");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.SubscriptionId).HasColumnName("subscription_id");
        b.Property(x => x.Week).HasColumnName("week");
        b.Property(x => x.DueAt).HasColumnName("due_at");
        b.MapRetriedSend();
        b.HasIndex(x => new { x.SubscriptionId, x.Week }).IsUnique().HasDatabaseName("ux_digest_sends_week");
    }
}
