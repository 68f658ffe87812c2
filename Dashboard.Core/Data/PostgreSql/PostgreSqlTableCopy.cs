using System.Data.Common;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Dashboard.Core.Data.PostgreSql;

/// <summary><see cref="StoreCopy"/>'s write of one table: by binary COPY, each column converted to the target column's type (SQLite keeps flags as 0/1).</summary>
internal static class PostgreSqlTableCopy
{
    public static void Copy(DbDataReader rows, NpgsqlConnection to, string table)
    {
        var types = ColumnTypes(to, table);
        var names = Enumerable.Range(0, rows.FieldCount).Select(rows.GetName).ToArray();
        var missing = names.Where(n => !types.ContainsKey(n)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"The target's {table} lacks the column(s) {string.Join(", ", missing)}: is it at the same schema version?");
        }
        using var copy = to.BeginBinaryImport($"COPY {table} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY);");
        while (rows.Read())
        {
            copy.StartRow();
            for (var i = 0; i < names.Length; i++)
            {
                WriteValue(copy, rows, i, types[names[i]]);
            }
        }
        copy.Complete();
    }

    private static Dictionary<string, string> ColumnTypes(NpgsqlConnection to, string table)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        using var columns = to.Command("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t;")
            .With("@t", table);
        using var reader = columns.ExecuteReader();
        while (reader.Read())
        {
            types[reader.GetString(0)] = reader.GetString(1);
        }
        return types;
    }

    private static void WriteValue(NpgsqlBinaryImporter copy, DbDataReader rows, int i, string type)
    {
        if (rows.IsDBNull(i))
        {
            copy.WriteNull();
            return;
        }
        switch (type)
        {
            case "bigint":
                copy.Write(rows.GetInt64(i), NpgsqlDbType.Bigint);
                break;
            case "integer":
                copy.Write(checked((int)rows.GetInt64(i)), NpgsqlDbType.Integer);
                break;
            case "boolean":
                copy.Write(rows.GetInt64(i) != 0, NpgsqlDbType.Boolean);
                break;
            case "bytea":
                copy.Write((byte[])rows.GetValue(i), NpgsqlDbType.Bytea);
                break;
            default:
                copy.Write(Convert.ToString(rows.GetValue(i), CultureInfo.InvariantCulture)!, NpgsqlDbType.Text);
                break;
        }
    }
}
