using System.Globalization;
using Dashboard.Core.Analytics.Export;
using Dashboard.Core.Data;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Purchases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Models.Scoring;

/// <summary>
/// Scores the stored "to score" purchase rows with the active purchase models and writes them as CSV with the predictions:
/// every input column, the linear and boosted predictions and the main model's interval. Rows are scored in chunks with ML.NET's
/// <c>Transform</c> over a data view. Cells go through
/// <see cref="CsvTable.Cell"/> (invariant numbers, quoting, formula-injection safe). Rows are streamed, not held as one string.
/// </summary>
public sealed class BatchScoring(IDbContextFactory<DashboardDbContext> contexts, ActiveModels models)
{
    public static readonly string[] Header =
    [
        "batch_id", "source_row", "user_id", "product_id", "gender", "age", "occupation", "city_category", "stay_in_current_city_years",
        "marital_status", "product_category_1", "product_category_2", "product_category_3", "predicted_purchase_linear",
        "predicted_purchase_boosted", "interval_low", "interval_high",
    ];

    /// <summary>Rows scored per ML.NET <c>Transform</c> call.</summary>
    private const int ChunkRows = 4096;

    /// <summary>False when there is no active purchase model.</summary>
    public async Task<bool> WritePurchasesAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var set = await models.GetAsync(cancellationToken);
        if (set.Purchase is not { } main)
            return false;
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteAsync(string.Join(',', Header.Select(CsvTable.Cell)) + "\r\n");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var chunk = new List<PurchaseTransaction>(ChunkRows);
        await foreach (var row in db.Purchases.AsNoTracking().Where(p => p.IsToScore).OrderBy(p => p.BatchId).ThenBy(p => p.SourceRow)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            chunk.Add(row);
            if (chunk.Count == ChunkRows)
            {
                await WriteChunkAsync(writer, chunk, set, main.Model);
                chunk.Clear();
            }
        }
        await WriteChunkAsync(writer, chunk, set, main.Model);
        return true;
    }

    /// <summary>Scores a chunk with one <c>Transform</c> per active model (not one engine call per row) and writes it.</summary>
    private static async Task WriteChunkAsync(StreamWriter writer, List<PurchaseTransaction> chunk, ActiveModelSet set, PurchaseModel main)
    {
        if (chunk.Count == 0)
            return;
        var inputs = chunk.Select(PurchaseInput.From).ToArray();
        var linear = set.PurchaseLinear?.Model.PredictAmounts(inputs);
        var boosted = set.PurchaseBoosted?.Model.PredictAmounts(inputs);
        var amounts = ReferenceEquals(main, set.PurchaseBoosted?.Model) ? boosted! : ReferenceEquals(main, set.PurchaseLinear?.Model) ? linear! : main.PredictAmounts(inputs);
        var cells = new object?[Header.Length];
        for (var r = 0; r < chunk.Count; r++)
        {
            var row = chunk[r];
            cells[0] = row.BatchId;
            cells[1] = row.SourceRow;
            cells[2] = row.UserId;
            cells[3] = row.ProductId;
            cells[4] = row.Gender;
            cells[5] = row.AgeBand;
            cells[6] = row.Occupation;
            cells[7] = row.CityCategory;
            cells[8] = row.StayYears == 4 ? "4+" : row.StayYears.ToString(CultureInfo.InvariantCulture);
            cells[9] = row.Married ? 1 : 0;
            cells[10] = row.ProductCategory1;
            cells[11] = row.ProductCategory2;
            cells[12] = row.ProductCategory3;
            cells[13] = linear is null ? null : Math.Round(linear[r], 1);
            cells[14] = boosted is null ? null : Math.Round(boosted[r], 1);
            cells[15] = Math.Round(Math.Max(0, amounts[r] + main.ResidualLow), 1);
            cells[16] = Math.Round(amounts[r] + main.ResidualHigh, 1);
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                    await writer.WriteAsync(',');
                await writer.WriteAsync(CsvTable.Cell(cells[i]));
            }
            await writer.WriteAsync("\r\n");
        }
    }
}
