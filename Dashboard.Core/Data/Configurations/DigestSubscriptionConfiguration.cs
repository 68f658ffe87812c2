using Dashboard.Core.Digests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class DigestSubscriptionConfiguration : IEntityTypeConfiguration<DigestSubscription>
{
    public void Configure(EntityTypeBuilder<DigestSubscription> b)
    {
        b.ToTable("digest_subscriptions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.UserId).HasColumnName("user_id");
        b.Property(x => x.Email).HasColumnName("email");
        b.Property(x => x.Day).HasColumnName("day_of_week").HasConversion<string>();
        b.Property(x => x.Hour).HasColumnName("hour");
        b.Property(x => x.TimeZone).HasColumnName("time_zone");
        b.Property(x => x.Filter).HasColumnName("filter");
        b.Property(x => x.Culture).HasColumnName("culture");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        b.HasIndex(x => x.UserId).HasDatabaseName("ix_digest_subscriptions_user");
    }
}
