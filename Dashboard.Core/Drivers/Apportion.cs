namespace Dashboard.Core.Drivers;

/// <summary>
/// Rounds terms to <c>scale</c> decimals so that the rounded terms sum exactly to a target of that scale (the largest
/// remainder method): each term is rounded down, and the units still missing go to the largest remainders (or, when
/// the target is below the rounded-down sum, are taken from the smallest).
/// </summary>
internal static class Apportion
{
    public static decimal[] ToTarget(IReadOnlyList<decimal> terms, decimal target, int scale)
    {
        var unit = 1m / Pow10(scale);
        var result = new decimal[terms.Count];
        if (terms.Count == 0)
        {
            return result;
        }
        var remainders = new decimal[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            result[i] = Math.Floor(terms[i] / unit) * unit;
            remainders[i] = terms[i] - result[i];
        }
        var missing = (long)((target - result.Sum()) / unit);
        var order = Enumerable.Range(0, terms.Count)
            .OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        if (missing < 0)
        {
            Array.Reverse(order);
        }
        var step = missing < 0 ? -unit : unit;
        var count = Math.Abs(missing);
        for (long k = 0; k < count; k++)
        {
            result[order[k % order.Length]] += step;
        }
        return result;
    }

    private static decimal Pow10(int scale)
    {
        var p = 1m;
        for (var i = 0; i < scale; i++)
        {
            p *= 10;
        }
        return p;
    }
}
