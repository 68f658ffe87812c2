using Dashboard.Core.Orders;

namespace Dashboard.Tests.Unit.Orders;

public class StatusGroupMappingTests
{
    [Theory]
    [InlineData("Cancelled", StatusGroup.Cancelled)]
    [InlineData("Shipped - Delivered to Buyer", StatusGroup.Delivered)]
    [InlineData("Shipped - Returned to Seller", StatusGroup.Returned)]
    [InlineData("Shipped - Rejected by Buyer", StatusGroup.Returned)]
    [InlineData("Pending - Waiting for Pick Up", StatusGroup.Pending)]
    [InlineData("Shipped", StatusGroup.Shipped)]
    [InlineData("shipped - picked up ", StatusGroup.Shipped)]
    [InlineData("Shipped - Lost in Transit", StatusGroup.Lost)]
    [InlineData("Something new", StatusGroup.Other)]
    public void DefaultMappingGroupsEveryStatusOfTheRealExport(string status, object group) =>
        Assert.Equal((StatusGroup)group, new StatusGroupMapping().GroupOf(status));

    [Fact]
    public void FingerprintChangesWhenTheMappingDoes()
    {
        var edited = new Dictionary<string, StatusGroup>(StatusGroupMapping.Default) { ["Shipping"] = StatusGroup.Shipped };
        Assert.NotEqual(new StatusGroupMapping().Fingerprint(), new StatusGroupMapping(edited).Fingerprint());
        Assert.Equal(new StatusGroupMapping().Fingerprint(), new StatusGroupMapping(StatusGroupMapping.Default).Fingerprint());
    }
}
