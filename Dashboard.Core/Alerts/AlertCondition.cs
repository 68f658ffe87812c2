namespace Dashboard.Core.Alerts;

/// <summary>When a rule fires for a period (docs/decisions/0037-alerts.md).</summary>
public enum AlertCondition
{
    /// <summary>The period's value is above the rule's value.</summary>
    Above,
    /// <summary>The period's value is below the rule's value.</summary>
    Below,
    /// <summary>
    /// The value moved by at least the rule's value in percent, either way, against the same weekday of the week before (day
    /// grain) or the week before (week grain).
    /// </summary>
    Change,
    /// <summary>The value is outside the forecast's expected range (the anomalies of <see cref="Forecasting.OrdersForecastQuery"/>).</summary>
    OutsideRange,
    /// <summary>No import has brought data for at least the rule's value in days (an export that stopped arriving); admins only.</summary>
    NoNewData,
}
