using Dashboard.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class MailSendRecordConfiguration : IEntityTypeConfiguration<MailSendRecord>
{
    public void Configure(EntityTypeBuilder<MailSendRecord> b)
    {
        b.ToTable("mail_sends");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.UserId).HasColumnName("user_id");
        b.Property(x => x.Address).HasColumnName("address");
        b.Property(x => x.Kind).HasColumnName("kind").HasConversion<string>();
        b.Property(x => x.AtUnixMs).HasColumnName("at_unix_ms");
        b.HasIndex(x => new { x.UserId, x.AtUnixMs }).HasDatabaseName("ix_mail_sends_user");
        b.HasIndex(x => new { x.Address, x.AtUnixMs }).HasDatabaseName("ix_mail_sends_address");
    }
}
