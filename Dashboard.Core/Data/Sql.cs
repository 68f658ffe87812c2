using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dashboard.Core.Data;

/// <summary>
/// ADO.NET commands written once for both stores: parameters are named <c>@name</c> (SQLite and Npgsql both read it).
/// A flag is a <c>bool</c> parameter, <c>TRUE</c>/<c>FALSE</c> in SQL and read with <c>GetBoolean</c>: SQLite keeps it as 0/1,
/// PostgreSQL as a boolean (decision 0012).
/// </summary>
public static class Sql
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static int Execute(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.Command(sql, transaction);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        using var command = connection.Command(sql, transaction);
        return command.ExecuteScalar();
    }

    /// <summary>Stops the statement running on the connection, if any (a cancelled import's); safe from another thread.</summary>
    public static void Interrupt(this DbConnection connection)
    {
        switch (connection)
        {
            case SqliteConnection sqlite:
                SQLitePCL.raw.sqlite3_interrupt(sqlite.Handle);
                break;
            case NpgsqlConnection postgres:
                // The server stops the backend's running statement; a second connection asks (with the same credentials).
                try
                {
                    using var other = postgres.CloneWith(postgres.ConnectionString);
                    other.Open();
                    using var cancel = other.Command("SELECT pg_cancel_backend(@pid);").With("@pid", postgres.ProcessID);
                    cancel.ExecuteNonQuery();
                }
                catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
                {
                    // The connection is closing or the server is gone: there is nothing left to stop.
                }
                break;
        }
    }

    /// <summary>True when <paramref name="e"/> or an exception inside it is a unique key that the row would repeat.</summary>
    public static bool IsUniqueViolation(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SqliteException { SqliteErrorCode: 19 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return true;
            }
        }
        return false;
    }
}
