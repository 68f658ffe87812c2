using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Core.Data.Sqlite;

/// <summary>
/// A prepared statement driven through SQLitePCLRaw on an open <see cref="SqliteConnection"/>'s own handle, for
/// bulk writes. Microsoft.Data.Sqlite spends ~15 µs a row binding 30 parameters; this spends a third of that
/// (docs/decisions/0003-bulk-writes-through-sqlitepclraw.md). It runs inside whatever transaction the
/// connection has open, so the batch stays all-or-nothing. Parameters are positional, 1-based.
/// </summary>
internal sealed class BulkStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[1024];

    public BulkStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection.Handle, sql, out _statement));
    }

    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(_statement, index));
            return;
        }
        // SQLite copies the text while binding (SQLITE_TRANSIENT), so one buffer serves every value.
        var needed = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        }
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        Check(Native.sqlite3_bind_text(Handle, index, ref MemoryMarshal.GetArrayDataReference(_utf8), length, Native.Transient));
    }

    public void Bind(int index, long? value) =>
        Check(value is null ? Native.sqlite3_bind_null(Handle, index) : Native.sqlite3_bind_int64(Handle, index, value.Value));

    public void Bind(int index, bool value) => Check(Native.sqlite3_bind_int64(Handle, index, value ? 1 : 0));

    /// <summary>The statement's native pointer; <see cref="_statement"/> keeps it alive until disposed.</summary>
    private IntPtr Handle => _statement.DangerousGetHandle();

    /// <summary>
    /// The bind calls of the import's hot loop, straight to the same native SQLite that SQLitePCLRaw loaded (e_sqlite3),
    /// with blittable arguments: SQLitePCLRaw's own entry points marshal the statement as a SafeHandle (reference count
    /// up and down) on each of the ~30 binds per row. SQLITE_TRANSIENT: SQLite copies the text while binding.
    /// </summary>
    private static class Native
    {
        public static readonly IntPtr Transient = new(-1);

        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_bind_text(IntPtr statement, int index, ref byte text, int length, IntPtr destructor);

        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_bind_int64(IntPtr statement, int index, long value);

        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_bind_null(IntPtr statement, int index);
    }

    /// <summary>Runs the statement once with the bound values; returns the rowid of the row it inserted, if any.</summary>
    public long Execute()
    {
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE && result != raw.SQLITE_ROW)
        {
            Check(result);
        }
        return raw.sqlite3_last_insert_rowid(_connection.Handle);
    }

    /// <summary>Runs a query: true when it found a row (read it with <see cref="Int64"/> and <see cref="Text"/>, then <see cref="Reset"/>).</summary>
    public bool Query()
    {
        var result = raw.sqlite3_step(_statement);
        if (result == raw.SQLITE_ROW)
        {
            return true;
        }
        raw.sqlite3_reset(_statement);
        Check(result);
        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    public string Text(int column) => raw.sqlite3_column_text(_statement, column).utf8_to_string();

    public void Reset() => raw.sqlite3_reset(_statement);

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK && result != raw.SQLITE_DONE)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_connection.Handle).utf8_to_string(), result, raw.sqlite3_extended_errcode(_connection.Handle));
        }
    }

    public void Dispose() => _statement.Dispose();
}
