using Dashboard.Core.Data;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Models.Training;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Models.Scoring;

/// <summary>
/// The What-if page's service: a real stored order line or customer to start from, the choices of each input, and scoring
/// with the active models held in memory (<see cref="ActiveModels"/>), so an input change is answered in well under a millisecond.
/// </summary>
public sealed class WhatIfService(IDbContextFactory<DashboardDbContext> contexts, ActiveModels models)
{
    public ValueTask<ActiveModelSet> ModelsAsync(CancellationToken cancellationToken = default) => models.GetAsync(cancellationToken);

    /// <summary>A stored order line with a known outcome and an amount, the <paramref name="skip"/>-th newest (wrapping round).</summary>
    public async Task<CancellationInput?> OrderLineAsync(int skip = 0, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.OrderLines.Where(l => l.AmountMinor != null && l.City != null && l.StatusGroup != StatusGroup.Pending);
        var count = await query.CountAsync(cancellationToken);
        if (count == 0)
            return null;
        var line = await query.OrderByDescending(l => l.Id).Skip(Math.Abs(skip) % count).FirstAsync(cancellationToken);
        return CancellationInput.From(line) with { PromotionIds = null };
    }

    /// <summary>A stored labelled purchase (its customer and product), the <paramref name="skip"/>-th newest (wrapping round).</summary>
    public async Task<PurchaseInput?> CustomerAsync(int skip = 0, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Purchases.Where(p => !p.IsToScore && p.Purchase != null);
        var count = await query.CountAsync(cancellationToken);
        if (count == 0)
            return null;
        var row = await query.OrderByDescending(p => p.Id).Skip(Math.Abs(skip) % count).FirstAsync(cancellationToken);
        return PurchaseInput.From(row);
    }

    public async Task<WhatIfChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cities = await db.OrderLines.Where(l => l.City != null).GroupBy(l => l.City!).OrderByDescending(g => g.Count()).Select(g => g.Key)
            .Take(300).ToListAsync(cancellationToken);
        async Task<List<string>> Distinct(System.Linq.Expressions.Expression<Func<OrderLine, string?>> column) =>
            (await db.OrderLines.Select(column).Where(v => v != null).Distinct().ToListAsync(cancellationToken)).Select(v => v!).Order(StringComparer.Ordinal).ToList();
        return new WhatIfChoices(
            cities.Order(StringComparer.Ordinal).ToArray(),
            await Distinct(l => l.State),
            await Distinct(l => l.Category),
            await Distinct(l => l.Size),
            await Distinct(l => l.Fulfilment),
            await Distinct(l => l.SalesChannel),
            await Distinct(l => l.ServiceLevel),
            WhatIfValidator.Genders,
            AgeBands.All,
            WhatIfValidator.CityCategories,
            WhatIfValidator.Occupations,
            WhatIfValidator.ProductCategories);
    }

    /// <summary>Scores with the models already in memory; null until a cancellation model is active.</summary>
    public static CancellationWhatIf? Score(ActiveModelSet set, CancellationInput input)
    {
        if (set.Cancellation is not { } main)
            return null;
        var prediction = main.Model.Predict(input);
        // Every candidate change is scored once; the list is sorted from the biggest fall to the biggest rise.
        var changes = WhatIf.BiggestChanges(main.Model, input, int.MaxValue, lower: true);
        return new CancellationWhatIf(
            set.CancellationLinear?.Model.PredictProbability(input),
            set.CancellationBoosted?.Model.PredictProbability(input),
            main.ModelName, main.Version, prediction,
            Best(changes.Where(c => c.Change < 0)),
            Best(changes.Reverse().Where(c => c.Change > 0)));
    }

    /// <summary>The best change of each input, three inputs at most (two amounts or two states say little more than one).</summary>
    private static WhatIfChange[] Best(IEnumerable<WhatIfChange> changes) => changes.DistinctBy(c => c.Input).Take(3).ToArray();

    public static PurchaseWhatIf? Score(ActiveModelSet set, PurchaseInput input)
    {
        if (set.Purchase is not { } main)
            return null;
        return new PurchaseWhatIf(
            set.PurchaseLinear?.Model.PredictAmount(input),
            set.PurchaseBoosted?.Model.PredictAmount(input),
            main.ModelName, main.Version, main.Model.Predict(input), main.Model.IntervalCoverage);
    }
}
