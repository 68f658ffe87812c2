using Dashboard.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasColumnName("id");
        b.Property(x => x.UserName).HasColumnName("user_name").UseCollation("NOCASE");
        b.Property(x => x.PasswordHash).HasColumnName("password_hash");
        b.Property(x => x.Role).HasColumnName("role").HasConversion<string>();
        b.Property(x => x.IsDisabled).HasColumnName("is_disabled");
        b.Property(x => x.FailedSignIns).HasColumnName("failed_sign_ins");
        b.Property(x => x.LockedUntil).HasColumnName("locked_until");
        b.Property(x => x.SecurityStamp).HasColumnName("security_stamp");
        b.Property(x => x.CreatedAt).HasColumnName("created_at");
        b.Property(x => x.LastSignInAt).HasColumnName("last_sign_in_at");
        b.HasIndex(x => x.UserName).IsUnique().HasDatabaseName("ux_users_name");
    }
}
