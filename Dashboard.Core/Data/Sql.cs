using System.Data.Common;

namespace Dashboard.Core.Data;

/// <summary>
/// ADO.NET commands written once for both stores: parameters are named <c>@name</c> (SQLite and Npgsql both read it).
/// A flag is a <c>bool</c> parameter, <c>TRUE</c>/<c>FALSE</c> in SQL and read with <c>GetBoolean</c>: SQLite keeps it as 0/1,
/// PostgreSQL as a boolean (decision 0013).
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

    /// <summary>True when <paramref name="e"/> or an exception inside it is a unique key that the row would repeat.</summary>
    public static bool IsUniqueViolation(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (DashboardStore.IsUniqueViolation(inner))
            {
                return true;
            }
        }
        return false;
    }
}
