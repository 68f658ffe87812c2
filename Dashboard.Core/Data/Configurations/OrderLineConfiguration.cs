using Dashboard.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable("order_lines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.OrderId).HasColumnName("order_id");
        b.Property(x => x.Sku).HasColumnName("sku");
        b.Property(x => x.Date).HasColumnName("order_date");
        b.Property(x => x.Status).HasColumnName("status");
        b.Property(x => x.StatusGroup).HasColumnName("status_group").HasConversion<string>();
        b.Property(x => x.Fulfilment).HasColumnName("fulfilment");
        b.Property(x => x.SalesChannel).HasColumnName("sales_channel");
        b.Property(x => x.ServiceLevel).HasColumnName("service_level");
        b.Property(x => x.Style).HasColumnName("style");
        b.Property(x => x.Category).HasColumnName("category");
        b.Property(x => x.Size).HasColumnName("size");
        b.Property(x => x.Asin).HasColumnName("asin");
        b.Property(x => x.CourierStatus).HasColumnName("courier_status");
        b.Property(x => x.Qty).HasColumnName("qty");
        b.Property(x => x.Currency).HasColumnName("currency");
        b.Property(x => x.AmountMinor).HasColumnName("amount_minor");
        b.Property(x => x.CityRaw).HasColumnName("city_raw");
        b.Property(x => x.City).HasColumnName("city");
        b.Property(x => x.StateRaw).HasColumnName("state_raw");
        b.Property(x => x.State).HasColumnName("state");
        b.Property(x => x.PostalCode).HasColumnName("postal_code");
        b.Property(x => x.Country).HasColumnName("country");
        b.Ignore(x => x.PromotionIds);
        b.Property(x => x.PromotionListId).HasColumnName("promotion_list_id");
        b.Property(x => x.B2B).HasColumnName("b2b");
        b.Property(x => x.FulfilledBy).HasColumnName("fulfilled_by");
        b.Property(x => x.SourceIndex).HasColumnName("source_index");
        b.Property(x => x.IsSample).HasColumnName("is_sample");
        b.Property(x => x.BatchId).HasColumnName("batch_id");
        b.Property(x => x.ContentHash).HasColumnName("content_hash");
        b.Ignore(x => x.Amount);
        b.HasIndex(x => new { x.OrderId, x.Sku }).IsUnique().HasDatabaseName("ux_order_lines_key");
        // The rows' keyset pages in the measured sorts (schema step 15, decision 0035-keyset-rows).
        b.HasIndex(x => new { x.Date, x.Id }).HasDatabaseName("ix_order_lines_date_id");
        b.HasIndex(x => new { x.AmountMinor, x.Id }).IsDescending(true, false).HasDatabaseName("ix_order_lines_amount_id");
        b.HasIndex(x => new { x.Category, x.Date }).HasDatabaseName("ix_order_lines_category_date");
        b.HasIndex(x => new { x.State, x.Date }).HasDatabaseName("ix_order_lines_state_date");
        b.HasIndex(x => x.BatchId).HasDatabaseName("ix_order_lines_batch");
    }
}
