using Bunit;
using Dashboard.Core.Orders;
using Dashboard.Web.Components.Layout;
using Dashboard.Web.Components.Shared;
using MudBlazor;

namespace Dashboard.Tests.Components;

public sealed class OrderFilterBarTests
{
    private static readonly OrderFilterOptions Options = new(
        new DateOnly(2022, 3, 31), new DateOnly(2022, 6, 29), ["Set", "kurta", "Top"], [StatusGroup.Shipped, StatusGroup.Cancelled],
        ["Amazon", "Merchant"], ["Amazon.in"], ["Standard", "Expedited"], ["MAHARASHTRA", "KARNATAKA"], ["INR"], "INR");

    [Fact]
    public async Task EveryDimensionHasItsOwnControlAndTheDateRangeCanBeHidden()
    {
        await using var context = ComponentTest.Create();
        var bar = context.Render<OrderFilterBar>(p => p.Add(b => b.Filter, OrderFilter.None).Add(b => b.Options, Options));

        var names = bar.FindComponents<FilterSelect>().Select(s => s.Instance.Name).ToList();
        Assert.Equal(["category", "status", "fulfilment", "channel", "service", "state"], names);
        Assert.Single(bar.FindComponents<MudDateRangePicker>());
        Assert.Empty(bar.FindAll("[data-action=clear-filters]"));

        var weekly = context.Render<OrderFilterBar>(p => p.Add(b => b.Filter, OrderFilter.None).Add(b => b.Options, Options).Add(b => b.ShowDates, false));
        Assert.Empty(weekly.FindComponents<MudDateRangePicker>());
    }

    [Fact]
    public async Task ChoosingCategoriesRaisesTheNewFilterAndClearKeepsTheCurrency()
    {
        await using var context = ComponentTest.Create();
        OrderFilter? raised = null;
        var filter = OrderFilter.None with { States = ["KARNATAKA"], Currency = "INR" };
        var bar = context.Render<OrderFilterBar>(p => p.Add(b => b.Filter, filter).Add(b => b.Options, Options)
            .Add(b => b.FilterChanged, (OrderFilter f) => raised = f));

        var category = bar.FindComponents<FilterSelect>().Single(s => s.Instance.Name == "category");
        await bar.InvokeAsync(() => category.Instance.Changed.InvokeAsync(["Set", "Top"]));
        Assert.Equal(["Set", "Top"], raised!.Categories);
        Assert.Equal(["KARNATAKA"], raised.States);

        // On a phone the fields fold behind a button that counts the active filters.
        Assert.Equal("Filters (1)", bar.Find("[data-action=filters]").TextContent.Trim());
        bar.Find("[data-action=clear-filters]").Click();
        Assert.Equal(OrderFilter.None with { Currency = "INR" }, raised);
    }

    [Fact]
    public async Task TheFiltersButtonOpensAndClosesTheFoldedFields()
    {
        await using var context = ComponentTest.Create();
        var bar = context.Render<OrderFilterBar>(p => p.Add(b => b.Filter, OrderFilter.None).Add(b => b.Options, Options));

        Assert.DoesNotContain("filter-bar--open", bar.Find("[data-filter-bar]").ClassName);
        bar.Find("[data-action=filters]").Click();
        Assert.Contains("filter-bar--open", bar.Find("[data-filter-bar]").ClassName);
        Assert.Equal("true", bar.Find("[data-action=filters]").GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task OnAPhoneTheFieldsAreRenderedOnlyWhileTheButtonHasThemOpen()
    {
        await using var context = ComponentTest.Create();
        var bar = context.Render<OrderFilterBar>(p => p.Add(b => b.Filter, OrderFilter.None).Add(b => b.Options, Options)
            .AddCascadingValue(PhoneHint.Cascade, true));

        Assert.Empty(bar.FindComponents<FilterSelect>());
        Assert.Empty(bar.FindComponents<MudDateRangePicker>());
        Assert.Contains("filter-bar--folded", bar.Find("[data-filter-bar]").ClassName);

        bar.Find("[data-action=filters]").Click();
        Assert.Equal(6, bar.FindComponents<FilterSelect>().Count);
        Assert.Single(bar.FindComponents<MudDateRangePicker>());

        bar.Find("[data-action=filters]").Click();
        Assert.Empty(bar.FindComponents<FilterSelect>());
    }
}
