using Dashboard.Core.Views;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> b)
    {
        b.ToTable("saved_views");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.OwnerId).HasColumnName("owner_id");
        b.Property(x => x.Name).HasColumnName("name");
        b.Property(x => x.Page).HasColumnName("page");
        b.Property(x => x.Query).HasColumnName("query");
        b.Property(x => x.IsShared).HasColumnName("is_shared");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        b.HasIndex(x => x.OwnerId).HasDatabaseName("ix_saved_views_owner");
    }
}
