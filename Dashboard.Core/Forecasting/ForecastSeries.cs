namespace Dashboard.Core.Forecasting;

/// <summary>
/// A metric's history at one grain, oldest first: <see cref="Starts"/>[t] is the first day of period t and
/// <see cref="Values"/>[t] its value. <see cref="Missing"/>[t] marks a period the models must not learn from (a partial
/// period, or a day left out of the fit): they treat it as unknown, using their own one-step prediction in its place.
/// <see cref="Season"/> is the seasonal period in steps (7 for days, 1 for weeks: no season).
/// </summary>
internal sealed record ForecastSeries(DateOnly[] Starts, double[] Values, bool[] Missing, int Season, int StepDays)
{
    public int Length => Values.Length;

    /// <summary>The first day of the period <paramref name="steps"/> after the last one.</summary>
    public DateOnly After(int steps) =>
        (Length == 0 ? DateOnly.MinValue : Starts[^1]).AddDays(StepDays * steps);
}
