using Dashboard.Core.Orders;

namespace Dashboard.Core.Digests;

/// <summary>A subscription as the pages list it, with its owner's name.</summary>
public sealed record SubscriptionView(DigestSubscription Subscription, string UserName)
{
    public OrderFilter Filter => DigestDelivery.FilterOf(Subscription);
}
