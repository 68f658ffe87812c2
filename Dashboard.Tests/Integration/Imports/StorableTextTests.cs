using Dashboard.Core.Data;
using Dashboard.Core.Users;
using Dashboard.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Tests.Integration.Imports;

/// <summary>
/// Text the stores can hold (decision 0017): PostgreSQL refuses U+0000 in text, and neither store can keep half a surrogate
/// pair as UTF-8. A data row holding a NUL is rejected with the reason; a name or an audit detail has such characters
/// replaced by U+FFFD; an entry the store refuses anyway is set aside and never holds up the ones after it. The same on
/// both stores.
/// </summary>
public abstract class StorableTextTests(StoreProvider provider) : StoreTest(provider)
{
    [Fact]
    public void ARowWithANulInAFieldIsRejectedWithTheReasonAndTheOthersAreKept()
    {
        using var db = NewDatabase();
        var csv = new AmazonCsv().Line("171-1", sku: "A").Line("171-2", sku: "B", city: "PU\0NE").Line("171-3", sku: "C").ToString();

        var result = db.Import(csv, "orders.csv");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((3, 2, 1), (result.RowsRead, result.Inserted, result.Rejected));
        var issue = Assert.Single(result.Issues);
        Assert.Equal(3, issue.Row);
        Assert.Contains("U+0000", issue.Reason, StringComparison.Ordinal);
        Assert.Equal(2, db.Scalar("SELECT COUNT(*) FROM order_lines"));
        Assert.Equal(1, db.Scalar("SELECT COUNT(*) FROM import_issues WHERE reason LIKE '%U+0000%'"));
    }

    [Fact]
    public void OtherControlCharactersInAFieldAreKeptAsWritten()
    {
        using var db = NewDatabase();
        var csv = new AmazonCsv().Line("171-1", sku: "A", city: "PU\u0001N\u0002E").ToString();

        var result = db.Import(csv, "orders.csv");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((1, 0), (result.Inserted, result.Rejected));
        using var context = db.Context();
        Assert.Equal("PU\u0001N\u0002E", context.OrderLines.Single().CityRaw);
    }

    /// <summary>A lone surrogate cannot stand in an attribute's argument (it is kept as UTF-8 there): "{D800}" stands for it.</summary>
    [Theory]
    [InlineData("orders\0.csv", "orders\uFFFD.csv")]
    [InlineData("orders{D800}.csv", "orders\uFFFD.csv")]
    [InlineData("orders\u0007.csv", "orders\u0007.csv")]
    public void AFileNameIsStoredWithWhatTheStoreCannotHoldReplaced(string uploaded, string stored)
    {
        using var db = NewDatabase();
        uploaded = uploaded.Replace("{D800}", "\uD800", StringComparison.Ordinal);

        var result = db.Import(new AmazonCsv().Line("171-1").ToString(), uploaded);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(stored, result.FileName);
        using var context = db.Context();
        Assert.Equal(stored, context.ImportBatches.Single().FileName);
    }

    [Fact]
    public async Task AnAuditDetailWithANulOrHalfASurrogatePairIsStoredReplacedAndLaterEntriesFollow()
    {
        using var db = NewDatabase();
        var audit = new AuditLog(db.Contexts(), TimeProvider.System, NullLogger<AuditLog>.Instance);

        await audit.RecordAsync("ann", AuditLog.Actions.Upload, "file a\0b.csv");
        await audit.RecordAsync("ann\uDC00", AuditLog.Actions.Upload, "file c.csv");
        await audit.RecordAsync("bob", AuditLog.Actions.SignIn, "after");

        Assert.True(await audit.FlushAsync(TimeSpan.FromSeconds(30)));
        var entries = await audit.RecentAsync();
        Assert.Equal(new[] { "after", "file c.csv", "file a\uFFFDb.csv" }, entries.Select(e => e.Detail ?? "").ToArray());
        Assert.Equal("ann\uFFFD", entries[1].UserName);
    }

    [Fact]
    public async Task AnAuditEntryTheStoreRefusesIsSetAsideAndTheOnesAfterItAreStored()
    {
        using var db = NewDatabase();
        RefuseDetail(db, "poison");
        var audit = new AuditLog(db.Contexts(), TimeProvider.System, NullLogger<AuditLog>.Instance);

        await audit.RecordAsync("ann", AuditLog.Actions.Upload, "before");
        await audit.RecordAsync("ann", AuditLog.Actions.Upload, "poison");
        await audit.RecordAsync("bob", AuditLog.Actions.SignIn, "after");

        Assert.True(await audit.FlushAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(new[] { "after", "before" }, (await audit.RecentAsync()).Select(e => e.Detail ?? "").ToArray());
    }

    /// <summary>A trigger that refuses one detail as a store refuses a value it cannot hold.</summary>
    private void RefuseDetail(TempDatabase db, string detail) => db.Scalar(Provider == StoreProvider.Sqlite
        ? $"CREATE TRIGGER refuse_detail BEFORE INSERT ON audit_log WHEN NEW.detail = '{detail}' BEGIN SELECT RAISE(ABORT, 'refused'); END;"
        : $"""
          CREATE FUNCTION refuse_detail() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
              IF NEW.detail = '{detail}' THEN RAISE EXCEPTION 'refused' USING ERRCODE = '22021'; END IF;
              RETURN NEW;
          END $$;
          CREATE TRIGGER refuse_detail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_detail();
          """);
}

public sealed class StorableTextOnSqliteTests() : StorableTextTests(StoreProvider.Sqlite);

public sealed class StorableTextOnPostgreSqlTests() : StorableTextTests(StoreProvider.PostgreSql);
