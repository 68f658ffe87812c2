using Dashboard.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class TimelineEventConfiguration : IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<TimelineEvent> b)
    {
        b.ToTable("timeline_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.Label).HasColumnName("label");
        b.Property(x => x.Start).HasColumnName("start_date");
        b.Property(x => x.End).HasColumnName("end_date");
        b.Property(x => x.Category).HasColumnName("category");
        b.Property(x => x.State).HasColumnName("state");
        b.Property(x => x.ExcludeFromModels).HasColumnName("exclude_from_models");
        b.Property(x => x.CreatedBy).HasColumnName("created_by");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Ignore(x => x.IsSingleDay);
        b.HasIndex(x => x.Start).HasDatabaseName("ix_timeline_events_start");
    }
}
