using Dashboard.Core.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class ImportIssueConfiguration : IEntityTypeConfiguration<ImportIssue>
{
    public void Configure(EntityTypeBuilder<ImportIssue> b)
    {
        b.ToTable("import_issues");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.BatchId).HasColumnName("batch_id");
        b.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>();
        b.Property(x => x.RowNumber).HasColumnName("row_number");
        b.Property(x => x.Column).HasColumnName("column_name");
        b.Property(x => x.Value).HasColumnName("value");
        b.Property(x => x.Reason).HasColumnName("reason");
        b.HasIndex(x => new { x.BatchId, x.RowNumber }).HasDatabaseName("ix_import_issues_batch");
    }
}
