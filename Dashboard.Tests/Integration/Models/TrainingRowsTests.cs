using Dashboard.Core.Models.Store;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Integration.Models;

/// <summary>
/// Decision 0010: the models read their rows from the frames (loaded with their model columns), and get exactly what the
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

        var all = await ModelTrainer.ReadOrderLinesAsync(read, labelledOnly: false);
        var labelled = await ModelTrainer.ReadOrderLinesAsync(read, labelledOnly: true);

        Assert.Equal(stored.Select(s => Model(s.Line, s.Promotions)), all.Select(l => Model(l, l.PromotionIds)));
        Assert.Contains(all, l => l.City is null);
        Assert.Contains(all, l => l.PromotionIds is not null);
        Assert.Equal(
            stored.Where(s => s.Line.AmountMinor is not null && s.Line.StatusGroup is StatusGroup.Cancelled or StatusGroup.Shipped
                or StatusGroup.Delivered or StatusGroup.Returned).Select(s => s.Line.Id),
            labelled.Select(l => l.Id));
    }

    [Fact]
    public async Task ThePurchasesFromTheFrameAreTheStoredLabelledOnesAsTheModelsReadThem()
    {
        using var db = ModelTestData.Create(lines: 10, purchases: 400);
        await using var read = db.Context();
        var stored = await read.Purchases.Where(p => !p.IsToScore && p.Purchase != null).OrderBy(p => p.Id).ToListAsync();

        var fromFrame = await ModelTrainer.ReadPurchasesAsync(read);

        Assert.Equal(stored.Select(Model), fromFrame.Select(Model));
        Assert.Contains(fromFrame, p => p.ProductCategory2 is null);
        Assert.Contains(fromFrame, p => p.StayYears == 4);
    }

    private static string Model(OrderLine l, string? promotions) =>
        $"{l.Id}|{l.Date:O}|{l.StatusGroup}|{l.Category}|{l.State}|{l.City}|{l.Size}|{l.Fulfilment}|{l.SalesChannel}|{l.ServiceLevel}|" +
        $"{l.B2B}|{l.Qty}|{l.Currency}|{l.AmountMinor}|{l.BatchId}|{promotions}|{l.IsSample}";

    private static string Model(PurchaseTransaction p) =>
        $"{p.Id}|{p.UserId}|{p.ProductId}|{p.Gender}|{p.AgeBand}|{p.Occupation}|{p.CityCategory}|{p.StayYears}|{p.Married}|" +
        $"{p.ProductCategory1}|{p.ProductCategory2}|{p.ProductCategory3}|{p.Purchase}|{p.BatchId}|{p.IsSample}";
}
