using Dashboard.Core.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class StartViewConfiguration : IEntityTypeConfiguration<StartView>
{
    public void Configure(EntityTypeBuilder<StartView> b)
    {
        b.ToTable("start_views");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).HasColumnName("user_id").ValueGeneratedNever();
        b.Property(x => x.ViewId).HasColumnName("view_id");
    }
}
