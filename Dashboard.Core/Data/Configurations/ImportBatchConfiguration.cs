using Dashboard.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> b)
    {
        b.ToTable("import_batches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.FileName).HasColumnName("file_name");
        b.Property(x => x.Format).HasColumnName("format").HasConversion<string>();
        b.Property(x => x.ContentHash).HasColumnName("content_hash");
        b.Property(x => x.State).HasColumnName("state").HasConversion<string>();
        b.Property(x => x.IsSample).HasColumnName("is_sample");
        b.Property(x => x.StartedAt).HasColumnName("started_at");
        b.Property(x => x.FinishedAt).HasColumnName("finished_at");
        b.Property(x => x.UndoneAt).HasColumnName("undone_at");
        b.Property(x => x.RowsRead).HasColumnName("rows_read");
        b.Property(x => x.Inserted).HasColumnName("inserted");
        b.Property(x => x.Updated).HasColumnName("updated");
        b.Property(x => x.Unchanged).HasColumnName("unchanged");
        b.Property(x => x.Rejected).HasColumnName("rejected");
        b.Property(x => x.Duplicates).HasColumnName("duplicates");
        b.Property(x => x.Error).HasColumnName("error");
        b.HasMany(x => x.Issues).WithOne().HasForeignKey(x => x.BatchId);
        b.HasIndex(x => x.ContentHash).HasDatabaseName("ix_import_batches_hash");
    }
}
