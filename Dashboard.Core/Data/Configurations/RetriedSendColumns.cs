using Dashboard.Core.Digests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Data.Configurations;

/// <summary>The columns of a <see cref="RetriedSend"/>, named alike in every table that holds one.</summary>
internal static class RetriedSendColumns
{
    public static void MapRetriedSend<T>(this EntityTypeBuilder<T> b) where T : RetriedSend
    {
        b.Property(x => x.State).HasColumnName("state").HasConversion<string>();
        b.Property(x => x.Attempts).HasColumnName("attempts");
        b.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
        b.Property(x => x.ClaimedAt).HasColumnName("claimed_at");
        b.Property(x => x.SentAt).HasColumnName("sent_at");
        b.Property(x => x.LastError).HasColumnName("last_error");
    }
}
