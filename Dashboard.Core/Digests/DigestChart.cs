
namespace Dashboard.Core.Digests;

/// <summary>One chart of the digest as a PNG, referred to from the HTML as <c>cid:{ContentId}</c>.</summary>
public sealed record DigestChart(string ContentId, string Title, byte[] Png, int Width, int Height);
