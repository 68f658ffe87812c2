using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Core.Data.PostgreSql;

/// <summary>The nullable values of a row written by PostgreSQL's binary <c>COPY</c> (a null is written as one).</summary>
internal static class CopyRows
{
    public static void WriteText(this NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }

    public static void WriteNumber(this NpgsqlBinaryImporter copy, long? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value.Value, NpgsqlDbType.Bigint);
        }
    }
}
