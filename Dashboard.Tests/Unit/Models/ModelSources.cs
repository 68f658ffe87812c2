using System.Globalization;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Orders;
using Dashboard.Core.Purchases;

namespace Dashboard.Tests.Unit.Models;

/// <summary>
/// Fixtures: lines and purchases held in memory as the frames hold them for the models (text as codes into name lists, the
/// purchases' attributes as the frame's labels, nulls as validity bits), in list order (ids 1, 2, 3…). The app reads the
/// frames' own columns (<see cref="Dashboard.Core.Models.Store.ModelTrainer"/>); these give the unit tests the same shape without a store.
/// </summary>
internal static class ModelSources
{
    public static CancellationSource Of(IReadOnlyList<OrderLine> lines) => new()
    {
        Count = lines.Count,
        Id = Enumerable.Range(1, lines.Count).ToArray(),
        Day = lines.Select(l => l.Date.DayNumber).ToArray(),
        Weekday = lines.Select(l => (byte)l.Date.DayOfWeek).ToArray(),
        Status = lines.Select(l => (byte)l.StatusGroup).ToArray(),
        AmountMinor = lines.Select(l => l.AmountMinor ?? 0).ToArray(),
        AmountValid = Validity(lines.Select(l => l.AmountMinor is not null)),
        B2B = lines.Select(l => l.B2B).ToArray(),
        Batch = lines.Select(l => (int)l.BatchId).ToArray(),
        Fulfilment = Coded(lines.Select(l => l.Fulfilment)),
        SalesChannel = Coded(lines.Select(l => l.SalesChannel)),
        ServiceLevel = Coded(lines.Select(l => l.ServiceLevel)),
        Category = Coded(lines.Select(l => l.Category)),
        Size = Coded(lines.Select(l => l.Size)),
        State = Coded(lines.Select(l => l.State)),
        City = Coded(lines.Select(l => l.City)),
        PromotionIds = Coded(lines.Select(l => l.PromotionIds)),
    };

    /// <summary>The labelled purchases (those with an amount), as the frame holds only those.</summary>
    public static PurchaseSource Of(IReadOnlyList<PurchaseTransaction> all)
    {
        var rows = all.Where(p => p.Purchase is not null).ToList();
        string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
        return new PurchaseSource
        {
            Count = rows.Count,
            Id = Enumerable.Range(1, rows.Count).ToArray(),
            Purchase = rows.Select(p => p.Purchase!.Value).ToArray(),
            Batch = rows.Select(p => (int)p.BatchId).ToArray(),
            UserId = rows.Select(p => p.UserId ?? 0).ToArray(),
            UserValid = Validity(rows.Select(p => p.UserId is not null)),
            Product = Coded(rows.Select(p => p.ProductId)),
            Gender = Coded(rows.Select(p => p.Gender)),
            AgeBand = Coded(rows.Select(p => p.AgeBand)),
            Occupation = Coded(rows.Select(p => Number(p.Occupation))),
            CityCategory = Coded(rows.Select(p => p.CityCategory)),
            StayYears = Coded(rows.Select(p => p.StayYears >= 4 ? "4+" : Number(p.StayYears))),
            Married = Coded(rows.Select(p => p.Married ? "Married" : "Single")),
            ProductCategory1 = Coded(rows.Select(p => Number(p.ProductCategory1))),
            ProductCategory2 = Coded(rows.Select(p => p.ProductCategory2 is { } c ? Number(c) : null)),
            ProductCategory3 = Coded(rows.Select(p => p.ProductCategory3 is { } c ? Number(c) : null)),
        };
    }

    /// <summary>Codes in order of first appearance; a null text is a null row (validity bit clear).</summary>
    private static CodedColumn Coded(IEnumerable<string?> texts)
    {
        var names = new List<string?>();
        var codes = new List<int>();
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            if (text is null)
            {
                codes.Add(-1);
                continue;
            }
            if (!known.TryGetValue(text, out var code))
            {
                known[text] = code = names.Count;
                names.Add(text);
            }
            codes.Add(code);
        }
        return new CodedColumn(codes.ToArray(), names, Validity(codes.Select(c => c >= 0)));
    }

    private static ReadOnlyMemory<byte> Validity(IEnumerable<bool> valid)
    {
        var flags = valid.ToArray();
        var bits = new byte[(flags.Length + 7) / 8];
        for (var r = 0; r < flags.Length; r++)
        {
            if (flags[r])
                bits[r >> 3] |= (byte)(1 << (r & 7));
        }
        return bits;
    }
}
