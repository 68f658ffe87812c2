using Dashboard.Core.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class MailRecipientConfiguration : IEntityTypeConfiguration<MailRecipient>
{
    public void Configure(EntityTypeBuilder<MailRecipient> b)
    {
        b.ToTable("mail_recipients");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.UserId).HasColumnName("user_id");
        b.Property(x => x.Address).HasColumnName("address");
        b.Property(x => x.RequestedAt).HasColumnName("requested_at");
        b.Property(x => x.ConfirmedAt).HasColumnName("confirmed_at");
        b.HasIndex(x => new { x.UserId, x.Address }).IsUnique().HasDatabaseName("ux_mail_recipients_user_address");
    }
}
