using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.At).HasColumnName("at");
        b.Property(x => x.UserName).HasColumnName("user_name");
        b.Property(x => x.Action).HasColumnName("action");
        b.Property(x => x.Detail).HasColumnName("detail");
        b.Property(x => x.Address).HasColumnName("address");
    }
}
