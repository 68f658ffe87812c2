using Dashboard.Core.Purchases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class PurchaseTransactionConfiguration : IEntityTypeConfiguration<PurchaseTransaction>
{
    public void Configure(EntityTypeBuilder<PurchaseTransaction> b)
    {
        b.ToTable("purchases");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.UserId).HasColumnName("user_id");
        b.Property(x => x.ProductId).HasColumnName("product_id");
        b.Property(x => x.Gender).HasColumnName("gender");
        b.Property(x => x.AgeBand).HasColumnName("age_band");
        b.Property(x => x.Occupation).HasColumnName("occupation");
        b.Property(x => x.CityCategory).HasColumnName("city_category");
        b.Property(x => x.StayYears).HasColumnName("stay_years");
        b.Property(x => x.Married).HasColumnName("married");
        b.Property(x => x.ProductCategory1).HasColumnName("product_category_1");
        b.Property(x => x.ProductCategory2).HasColumnName("product_category_2");
        b.Property(x => x.ProductCategory3).HasColumnName("product_category_3");
        b.Property(x => x.Purchase).HasColumnName("purchase");
        b.Property(x => x.IsToScore).HasColumnName("is_to_score");
        b.Property(x => x.IsSample).HasColumnName("is_sample");
        b.Property(x => x.BatchId).HasColumnName("batch_id");
        b.Property(x => x.SourceRow).HasColumnName("source_row");
        b.HasIndex(x => new { x.IsToScore, x.BatchId }).HasDatabaseName("ix_purchases_kind_batch");
    }
}
