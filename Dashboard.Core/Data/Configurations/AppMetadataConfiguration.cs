using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class AppMetadataConfiguration : IEntityTypeConfiguration<Data.AppMetadata>
{
    public void Configure(EntityTypeBuilder<Data.AppMetadata> b)
    {
        b.ToTable("app_metadata");
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasColumnName("key");
        b.Property(x => x.Value).HasColumnName("value");
    }
}
