using Dashboard.Core.Alerts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class AlertFiringConfiguration : IEntityTypeConfiguration<AlertFiring>
{
    public void Configure(EntityTypeBuilder<AlertFiring> b)
    {
        b.ToTable("alert_firings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.RuleId).HasColumnName("rule_id");
        b.Property(x => x.Period).HasColumnName("period");
        b.Property(x => x.FiredAt).HasColumnName("fired_at");
        b.Property(x => x.Value).HasColumnName("value").HasConversion<string>();
        b.Property(x => x.Compared).HasColumnName("compared").HasConversion<string>();
        b.Property(x => x.Low).HasColumnName("low").HasConversion<string>();
        b.Property(x => x.High).HasColumnName("high").HasConversion<string>();
        b.MapRetriedSend();
        b.HasIndex(x => new { x.RuleId, x.Period }).IsUnique().HasDatabaseName("ux_alert_firings_period");
    }
}
