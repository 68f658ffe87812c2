using Dashboard.Core.Orders;

namespace Dashboard.Core.Digests;

/// <summary>What a subscription form asks for.</summary>
public sealed record SubscriptionInput(long UserId, string Email, DayOfWeek Day, int Hour, string TimeZone, OrderFilter Filter, long? Id = null, string? Culture = null);
