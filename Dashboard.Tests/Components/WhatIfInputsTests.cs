using Bunit;
using Dashboard.Core.Models.Scoring;
using Dashboard.Web.Components.Pages.WhatIf;
using MudBlazor;

namespace Dashboard.Tests.Components;

public sealed class WhatIfInputsTests
{
    private static readonly WhatIfChoices Choices = new(
        ["MUMBAI", "PUNE"], ["MAHARASHTRA"], ["Set", "kurta"], ["S", "M", "L"], ["Amazon", "Merchant"], ["Amazon.in"], ["Standard", "Expedited"],
        ["F", "M"], ["0-17", "26-35", "55+"], ["A", "B", "C"], [0, 4, 7], [1, 5, 8]);

    [Fact]
    public async Task TheOrderPanelOffersTheStoredValuesAndKeepsAValueTheDataLacks()
    {
        await using var context = ComponentTest.Create();
        var form = new CancellationForm { City = "NAGPUR", Fulfilment = "Amazon", Weekday = DayOfWeek.Friday };
        var panel = context.Render<OrderInputs>(p => p.Add(i => i.Form, form).Add(i => i.Choices, Choices));

        var inputs = panel.FindComponents<ChoiceSelect>().ToDictionary(s => s.Instance.Input);
        Assert.Equal(["state", "category", "size", "fulfilment", "sales-channel", "service-level"], inputs.Keys);
        var fulfilment = inputs["fulfilment"];
        Assert.Equal(["Amazon", "Merchant"], fulfilment.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value));
        var size = context.Render<ChoiceSelect>(p => p.Add(c => c.Label, "Size").Add(c => c.Input, "size").Add(c => c.Choices, Choices.Sizes).Add(c => c.Value, "XXL"));
        Assert.Equal(["XXL", "S", "M", "L"], size.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value));

        // Cities are typed and searched (hundreds of them); one the data lacks stays as it is.
        var city = panel.FindComponent<MudAutocomplete<string>>();
        Assert.Equal("NAGPUR", city.Find("input").GetAttribute("value"));
        Assert.Equal(["MUMBAI"], await city.Instance.SearchFunc!.Invoke("mum", CancellationToken.None)!);
        // No bare <select> anywhere: every input is a MudBlazor control.
        Assert.Empty(panel.FindAll("select"));
    }

    [Fact]
    public async Task ChangingAnInputUpdatesTheFormAndAsksForANewScore()
    {
        await using var context = ComponentTest.Create();
        var form = new CancellationForm { Fulfilment = "Amazon", Amount = 500m };
        var changes = 0;
        var panel = context.Render<OrderInputs>(p => p.Add(i => i.Form, form).Add(i => i.Choices, Choices).Add(i => i.Changed, () => changes++));

        var fulfilment = panel.FindComponents<ChoiceSelect>().Single(s => s.Instance.Input == "fulfilment");
        await panel.InvokeAsync(() => fulfilment.Instance.ValueChanged.InvokeAsync("Merchant"));
        Assert.Equal("Merchant", form.Fulfilment);
        Assert.Equal(1, changes);

        var b2b = panel.FindComponent<MudCheckBox<bool>>();
        await panel.InvokeAsync(() => b2b.Instance.ValueChanged.InvokeAsync(true));
        Assert.True(form.B2B);
        Assert.Equal(2, changes);
        Assert.Equal(new CancellationRequest { Fulfilment = "Merchant", Amount = 500m, B2B = true, Weekday = DayOfWeek.Sunday }, form.ToRequest());
    }

    [Fact]
    public async Task TheAmountShowsTheCheckedReasonBesideItAndNothingWhenThereIsNone()
    {
        await using var context = ComponentTest.Create();
        var check = new WhatIfValidator(Dashboard.Core.Imports.ImportLimits.Default).Check(new CancellationForm { Amount = 53e27m }.ToRequest());
        var panel = context.Render<OrderInputs>(p => p.Add(i => i.Form, new CancellationForm { Amount = 53e27m }).Add(i => i.Choices, Choices)
            .Add(i => i.Errors, check.Errors));

        // The message sits in the amount field's own control, under its input.
        var message = panel.Find("input[data-input=amount]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text.mud-input-error");
        Assert.Contains("largest amount one order line may have (10,000,000, Imports:MaxLineAmount)", message!.TextContent);
        Assert.Equal(check.ErrorOf(WhatIfValidator.Amount), message.TextContent.Trim());
        Assert.Single(panel.FindAll(".mud-input-helper-text.mud-input-error"));

        panel.Render(p => p.Add(i => i.Errors, new Dictionary<string, string[]>()));
        Assert.Empty(panel.FindAll(".mud-input-helper-text.mud-input-error"));
    }

    [Fact]
    public async Task TheCustomerPanelHasEveryInputOfThePurchaseModel()
    {
        await using var context = ComponentTest.Create();
        var form = new PurchaseForm { ProductCategory2 = null };
        var changes = 0;
        var panel = context.Render<CustomerInputs>(p => p.Add(i => i.Form, form).Add(i => i.Choices, Choices).Add(i => i.Changed, () => changes++));

        Assert.Equal(["gender", "age", "city-category"], panel.FindComponents<ChoiceSelect>().Select(s => s.Instance.Input));
        var second = panel.FindComponents<MudSelect<int?>>().First();
        await panel.InvokeAsync(() => second.Instance.ValueChanged.InvokeAsync(5));
        Assert.Equal(5, form.ProductCategory2);
        Assert.Equal(1, changes);
        Assert.Empty(panel.FindAll("select"));
    }
}
