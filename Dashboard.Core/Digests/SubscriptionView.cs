using Dashboard.Core.Orders;

namespace Dashboard.Core.Digests;

/// <summary>A subscription as the pages list it, with its owner's name and whether its address is confirmed for the owner.</summary>
public sealed record SubscriptionView(DigestSubscription Subscription, string UserName, bool Confirmed)
{
    public OrderFilter Filter => DigestDelivery.FilterOf(Subscription);
}
