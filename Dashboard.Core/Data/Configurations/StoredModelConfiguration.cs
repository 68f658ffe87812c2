using Dashboard.Core.Models.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class StoredModelConfiguration : IEntityTypeConfiguration<StoredModel>
{
    public void Configure(EntityTypeBuilder<StoredModel> b)
    {
        b.ToTable("models");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>();
        b.Property(x => x.Algorithm).HasColumnName("algorithm").HasConversion<string>();
        b.Property(x => x.Version).HasColumnName("version");
        b.Property(x => x.ModelName).HasColumnName("model_name");
        b.Property(x => x.TrainedAt).HasColumnName("trained_at");
        b.Property(x => x.TrainingBatches).HasColumnName("training_batches");
        b.Property(x => x.ParametersJson).HasColumnName("parameters");
        b.Property(x => x.ReportJson).HasColumnName("report");
        b.Property(x => x.IsActive).HasColumnName("is_active");
        b.Property(x => x.Decision).HasColumnName("decision");
        b.Property(x => x.Payload).HasColumnName("payload");
        b.HasIndex(x => new { x.Kind, x.Algorithm, x.Version }).IsUnique().HasDatabaseName("ux_models_version");
    }
}
