using Dashboard.Core.Models.Features;

namespace Dashboard.Core.Models.Training;

/// <summary>"What would change the risk most": tries the other values of each input the form offers (every level of the
/// small categoricals, the amount 50% lower or higher) and ranks the changes by how far they move the risk.</summary>
public static class WhatIf
{
    /// <summary>The <paramref name="count"/> changes that lower the risk most (or raise it most, when <paramref name="lower"/> is false),
    /// limited to <paramref name="inputs"/> when given (names as in <see cref="InputContribution.Input"/>).</summary>
    public static IReadOnlyList<WhatIfChange> BiggestChanges(CancellationModel model, CancellationInput input, int count = 3, bool lower = true,
        IReadOnlyCollection<string>? inputs = null)
    {
        var current = model.PredictProbability(input);
        var candidates = new List<(string Input, string Value, CancellationInput Changed)>();
        void Levels(string name, Func<CancellationInput, string, CancellationInput> set)
        {
            if (inputs is not null && !inputs.Contains(name))
                return;
            foreach (var level in model.Features.Categories[name].Levels)
            {
                if (level != CategoryIndex.OtherLevel)
                    candidates.Add((name, level, set(input, level)));
            }
        }
        Levels(CancellationFeatures.Fulfilment, (x, v) => x with { Fulfilment = v });
        Levels(CancellationFeatures.SalesChannel, (x, v) => x with { SalesChannel = v });
        Levels(CancellationFeatures.ServiceLevel, (x, v) => x with { ServiceLevel = v });
        Levels(CancellationFeatures.Category, (x, v) => x with { Category = v });
        Levels(CancellationFeatures.Size, (x, v) => x with { Size = v });
        Levels(CancellationFeatures.State, (x, v) => x with { State = v });
        if (inputs is null || inputs.Contains(CancellationFeatures.B2B))
            candidates.Add((CancellationFeatures.B2B, (!input.B2B).ToString(), input with { B2B = !input.B2B }));
        if (inputs is null || inputs.Contains(CancellationFeatures.Weekday))
        {
            foreach (var day in Enum.GetValues<DayOfWeek>())
                candidates.Add((CancellationFeatures.Weekday, day.ToString(), input with { Weekday = day }));
        }
        if (input.Amount is { } amount && (inputs is null || inputs.Contains(CancellationFeatures.Amount)))
        {
            // A change a decimal cannot hold is not offered (the validation keeps amounts far below, but this answers any amount).
            foreach (var factor in ((decimal[])[0.5m, 0.75m, 1.25m, 1.5m]).Where(f => f <= 1 || amount <= decimal.MaxValue / f))
            {
                var changed = Math.Round(amount * factor, 2);
                candidates.Add((CancellationFeatures.Amount, changed.ToString(System.Globalization.CultureInfo.InvariantCulture), input with { Amount = changed }));
            }
        }
        return candidates
            .Select(c => (c, p: model.PredictProbability(c.Changed)))
            .Where(x => x.p != current)
            .Select(x => new WhatIfChange(x.c.Input, x.c.Value, x.p, x.p - current))
            .OrderBy(c => lower ? c.Change : -c.Change)
            .Take(count)
            .ToArray();
    }
}
