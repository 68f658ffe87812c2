namespace Dashboard.Core.Digests;

public sealed class SubscriptionRefusedException(string message) : Exception(message);
