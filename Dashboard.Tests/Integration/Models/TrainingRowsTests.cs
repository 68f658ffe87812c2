using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Models;

/// <summary>
/// Decision 0010: the models read the frames' own columns (loaded with their model columns), and get exactly what the
/// store holds, field by field, in store order: nulls stay nulls, and a line's promotion-ids text comes back.
/// </summary>
public class TrainingRowsTests
{
    [Fact]
    public async Task TheOrderLinesFromTheFrameAreTheStoredLinesAsTheModelsReadThem()
    {
        using var db = ModelTestData.Create(lines: 300, purchases: 10);
        using (var context = db.Context())
        {
            // Neighbours the generator does not make: no city, no state, no amount or currency, and a second batch.
            var odd = ModelTestData.Orders(3, seed: 99).ToList();
            odd[0].City = odd[0].CityRaw = null;
            odd[1].State = odd[1].StateRaw = null;
            (odd[2].AmountMinor, odd[2].Currency, odd[2].StatusGroup) = (null, null, StatusGroup.Cancelled);
            for (var i = 0; i < odd.Count; i++)
            {
                (odd[i].OrderId, odd[i].BatchId) = ($"ODD-{i}", 9);
            }
            context.OrderLines.AddRange(odd);
            context.SaveChanges();
        }
        await using var read = db.Context();
        var stored = await read.OrderLines.OrderBy(l => l.Id)
            .Select(l => new { Line = l, Promotions = read.PromotionLists.Where(p => p.Id == l.PromotionListId).Select(p => p.Ids).FirstOrDefault() })
            .ToListAsync();

        var source = await ModelTrainer.ReadCancellationSourceAsync(read);
        var byId = Enumerable.Range(0, source.Count).OrderBy(r => source.Id.Span[r]).ToArray();

        Assert.Equal(stored.Select(s => Model(s.Line, s.Promotions)), byId.Select(r => Model(source, r)));
        Assert.Contains(byId, r => source.City.Text(r) is null);
        Assert.Contains(byId, r => source.PromotionIds.Text(r) is not null);
        Assert.Equal(
            stored.Where(s => s.Line.AmountMinor is not null && s.Line.StatusGroup is StatusGroup.Cancelled or StatusGroup.Shipped
                or StatusGroup.Delivered or StatusGroup.Returned).Select(s => s.Line.Id),
            source.LabelledRows().Select(r => (long)source.Id.Span[r]));
    }

    [Fact]
    public async Task ThePurchasesFromTheFrameAreTheStoredLabelledOnesAsTheModelsReadThem()
    {
        using var db = ModelTestData.Create(lines: 10, purchases: 400);
        await using var read = db.Context();
        var stored = await read.Purchases.Where(p => !p.IsToScore && p.Purchase != null).OrderBy(p => p.Id).ToListAsync();

        var source = await ModelTrainer.ReadPurchaseSourceAsync(read);
        var fromFrame = Enumerable.Range(0, source.Count).Select(r => Model(source, r)).ToList();

        Assert.Equal(stored.Select(Model), fromFrame);
        Assert.Contains(Enumerable.Range(0, source.Count), r => source.Input(r).ProductCategory2 is null);
        Assert.Contains(Enumerable.Range(0, source.Count), r => source.Input(r).StayYears == 4);
    }

    /// <summary>What the cancellation model reads of a line: its inputs, weekday, label and training record.</summary>
    private static string Model(OrderLine l, string? promotions) =>
        $"{l.Id}|{l.Date:O}|{CancellationInput.Label(l.StatusGroup, l.AmountMinor is not null)}|{l.Category}|{l.State}|{l.City}|{l.Size}|" +
        $"{l.Fulfilment}|{l.SalesChannel}|{l.ServiceLevel}|{l.B2B}|{l.Date.DayOfWeek}|{l.Amount}|{l.BatchId}|{promotions}";

    private static string Model(CancellationSource s, int r)
    {
        var x = s.Input(r);
        return $"{s.Id.Span[r]}|{s.Date(r):O}|{s.Label(r)}|{x.Category}|{x.State}|{x.City}|{x.Size}|" +
            $"{x.Fulfilment}|{x.SalesChannel}|{x.ServiceLevel}|{x.B2B}|{x.Weekday}|{x.Amount}|{s.Batch.Span[r]}|{x.PromotionIds}";
    }

    private static string Model(PurchaseTransaction p) =>
        $"{p.Id}|{p.UserId}|{p.ProductId}|{p.Gender}|{p.AgeBand}|{p.Occupation}|{p.CityCategory}|{p.StayYears}|{p.Married}|" +
        $"{p.ProductCategory1}|{p.ProductCategory2}|{p.ProductCategory3}|{p.Purchase}|{p.BatchId}";

    private static string Model(PurchaseSource s, int r)
    {
        var x = s.Input(r);
        return $"{s.Id.Span[r]}|{x.UserId}|{x.ProductId}|{x.Gender}|{x.AgeBand}|{x.Occupation}|{x.CityCategory}|{x.StayYears}|{x.Married}|" +
            $"{x.ProductCategory1}|{x.ProductCategory2}|{x.ProductCategory3}|{s.Purchase.Span[r]}|{s.Batch.Span[r]}";
    }
}
