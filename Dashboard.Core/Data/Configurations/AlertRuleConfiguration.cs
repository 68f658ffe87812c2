using Dashboard.Core.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class AlertRuleConfiguration : IEntityTypeConfiguration<AlertRule>
{
    public void Configure(EntityTypeBuilder<AlertRule> b)
    {
        b.ToTable("alert_rules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.UserId).HasColumnName("user_id");
        b.Property(x => x.Name).HasColumnName("name");
        b.Property(x => x.Metric).HasColumnName("metric").HasConversion<string>();
        b.Property(x => x.Grain).HasColumnName("grain").HasConversion<string>();
        b.Property(x => x.Filter).HasColumnName("filter");
        b.Property(x => x.Condition).HasColumnName("condition").HasConversion<string>();
        // Decimals as invariant text on both stores, as the schema step declares them.
        b.Property(x => x.Value).HasColumnName("value").HasConversion<string>();
        b.Property(x => x.Email).HasColumnName("email");
        b.Property(x => x.SnoozedUntil).HasColumnName("snoozed_until");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        b.HasIndex(x => x.UserId).HasDatabaseName("ix_alert_rules_user");
    }
}
