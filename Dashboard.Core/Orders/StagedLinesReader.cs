using System.Data.Common;

namespace Dashboard.Core.Orders;

/// <summary>
/// The first step of loading an <see cref="OrdersFrame"/>: every order line read from the store in row order (a table
/// scan), its text coded (<see cref="LineCodes"/>) and its Order ID numbered, into <see cref="StagedLines"/>. Reading in
/// Order ID order through the unique index was three times slower (random row look-ups; LoadBenchmark measures both).
/// </summary>
internal static class StagedLinesReader
{
    /// <summary>Marks a missing amount while loading (the frame's column holds a null there).</summary>
    internal const long NoAmount = long.MinValue;

    private const string ChartColumns = """
        SELECT id, order_id, order_date, status_group, category, state, fulfilment, sales_channel, service_level,
               currency, qty, amount_minor, b2b, is_sample
        FROM order_lines;
        """;

    private const string WithModelColumns = """
        SELECT l.id, l.order_id, l.order_date, l.status_group, l.category, l.state, l.fulfilment, l.sales_channel,
               l.service_level, l.currency, l.qty, l.amount_minor, l.b2b, l.is_sample, l.city, l.size, l.batch_id, p.ids
        FROM order_lines l LEFT JOIN promotion_lists p ON p.id = l.promotion_list_id;
        """;

    /// <summary>
    /// The <paramref name="count"/> lines the read transaction holds (with the model columns when
    /// <paramref name="modelColumns"/>); throws when the table does not hold as many.
    /// </summary>
    public static async Task<StagedLines> ReadAsync(DbConnection connection, DbTransaction transaction, int count, bool modelColumns,
        CancellationToken cancellationToken)
    {
        var staged = new StagedLines(count, modelColumns);
        var orders = new Dictionary<string, int>(StringComparer.Ordinal);
        var minDay = int.MaxValue;
        var maxDay = int.MinValue;
        var r = 0;
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = modelColumns ? WithModelColumns : ChartColumns;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (r == count)
                {
                    throw new InvalidOperationException("order_lines changed inside a read transaction.");
                }
                var orderId = reader.GetString(1);
                if (!orders.TryGetValue(orderId, out var order))
                {
                    order = orders.Count;
                    orders.Add(orderId, order);
                }
                staged.Order[r] = order;
                var day = Stage(staged, reader, r);
                minDay = Math.Min(minDay, day);
                maxDay = Math.Max(maxDay, day);
                if (modelColumns)
                {
                    StageModelColumns(staged, reader, r);
                }
                r++;
            }
        }
        if (r != count)
        {
            throw new InvalidOperationException("order_lines changed inside a read transaction.");
        }
        staged.OrderCount = orders.Count;
        (staged.MinDay, staged.MaxDay) = count == 0 ? (0, 0) : (minDay, maxDay);
        return staged;
    }

    /// <summary>Stages the charts' columns of row <paramref name="r"/>; returns its day number.</summary>
    private static int Stage(StagedLines staged, DbDataReader reader, int r)
    {
        var codes = staged.Codes;
        staged.Id[r] = checked((int)reader.GetInt64(0));
        var day = OrdersFrame.ParseDate(reader.GetString(2)).DayNumber;
        staged.Day[r] = day;
        staged.Status[r] = codes.StatusGroup(reader.GetString(3));
        staged.Category[r] = codes.Categories.Code(reader.GetString(4));
        staged.State[r] = codes.States.Code(reader.IsDBNull(5) ? "" : reader.GetString(5));
        staged.Fulfilment[r] = codes.Fulfilments.Code(reader.GetString(6));
        staged.Channel[r] = codes.Channels.Code(reader.GetString(7));
        staged.Service[r] = codes.Services.Code(reader.GetString(8));
        staged.Currency[r] = reader.IsDBNull(9) ? OrdersFrame.NoCurrency : codes.Currencies.Code(reader.GetString(9));
        staged.Qty[r] = checked((int)reader.GetInt64(10));
        staged.Amount[r] = reader.IsDBNull(11) ? NoAmount : reader.GetInt64(11);
        staged.B2B[r] = reader.GetBoolean(12);
        staged.IsSample |= reader.GetBoolean(13);
        return day;
    }

    /// <summary>Stages what only the models read: city, size, batch and the promotion-ids text.</summary>
    private static void StageModelColumns(StagedLines staged, DbDataReader reader, int r)
    {
        var codes = staged.Codes;
        staged.City![r] = reader.IsDBNull(14) ? OrdersFrame.NoCode : codes.Cities.WideCode(reader.GetString(14));
        staged.Size![r] = codes.Sizes.Code(reader.GetString(15));
        staged.Batch![r] = checked((int)reader.GetInt64(16));
        staged.Promotions![r] = reader.IsDBNull(17) ? OrdersFrame.NoCode : codes.PromotionLists.WideCode(reader.GetString(17));
    }
}
