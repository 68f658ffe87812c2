using Dashboard.Core.Orders;

namespace Dashboard.Tests.Unit.Orders;

public class PlacesTests
{
    [Theory]
    [InlineData("RJ", "Rajasthan")]
    [InlineData("Rajshthan", "Rajasthan")]
    [InlineData("rajsthan", "Rajasthan")]
    [InlineData("RAJASTHAN", "Rajasthan")]
    [InlineData("Orissa", "Odisha")]
    [InlineData("New Delhi", "Delhi")]
    [InlineData("delhi", "Delhi")]
    [InlineData("ANDAMAN & NICOBAR ", "Andaman and Nicobar Islands")]
    [InlineData("Punjab/Mohali/Zirakpur", "Punjab")]
    [InlineData("PB", "Punjab")]
    [InlineData("NL", "Nagaland")]
    [InlineData("AR", "Arunachal Pradesh")]
    [InlineData("Pondicherry", "Puducherry")]
    [InlineData("DADRA AND NAGAR", "Dadra and Nagar Haveli and Daman and Diu")]
    [InlineData("JAMMU & KASHMIR", "Jammu and Kashmir")]
    [InlineData("  tamil   nadu. ", "Tamil Nadu")]
    public void StatesAreMappedToTheirOfficialName(string raw, string canonical) =>
        Assert.Equal(canonical, Places.CanonicalState(raw));

    [Fact]
    public void UnknownStateIsCleanedButKept() => Assert.Equal("Apo", Places.CanonicalState("APO"));

    [Theory]
    [InlineData("MUMBAI", "Mumbai")]
    [InlineData("navi mumbai,", "Navi Mumbai")]
    [InlineData(" Bengaluru. ", "Bengaluru")]
    [InlineData("NEW  DELHI", "New Delhi")]
    [InlineData("Talegàon", "Talegàon")]
    [InlineData("लखनऊ", "लखनऊ")]
    public void CitiesAreTrimmedTitleCasedAndFreeOfStrayPunctuation(string raw, string canonical) =>
        Assert.Equal(canonical, Places.CanonicalCity(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(".,")]
    public void BlankPlacesAreNull(string? raw)
    {
        Assert.Null(Places.CanonicalState(raw));
        Assert.Null(Places.CanonicalCity(raw));
    }
}
