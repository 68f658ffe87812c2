using Dashboard.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class PromotionListConfiguration : IEntityTypeConfiguration<PromotionList>
{
    public void Configure(EntityTypeBuilder<PromotionList> b)
    {
        b.ToTable("promotion_lists");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.Ids).HasColumnName("ids");
    }
}
