using System.Globalization;
using Dashboard.Core.Analytics;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Scoring;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Charts;
using Dashboard.Web.Components.Pages.Models;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.WhatIf;

/// <summary>
/// What-if: the cancellation model's and the purchase model's inputs as forms, pre-filled from a stored order line and customer.
/// Every change is scored at once with the active models held in memory (<see cref="ActiveModels"/>); no database or training
/// work happens on an input change.
/// </summary>
public sealed partial class WhatIfPage : ComponentBase, IDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private ActiveModelSet _models = ActiveModelSet.Empty;
    private WhatIfChoices? _choices;
    private CancellationForm _order = new();
    private PurchaseForm _customer = new();
    private WhatIfChecked<CancellationInput>? _orderCheck;
    private WhatIfChecked<PurchaseInput>? _customerCheck;
    private CancellationWhatIf? _risk;
    private PurchaseWhatIf? _amount;
    private ChartFigure? _riskFigure;
    private ChartFigure? _amountFigure;
    private int _orderSkip;
    private int _customerSkip;
    private int _toScore;

    [Inject]
    private WhatIfService WhatIf { get; set; } = default!;

    [Inject]
    private WhatIfValidator Validator { get; set; } = default!;

    [Inject]
    private ActiveModels Active { get; set; } = default!;

    [Inject]
    private DatasetSummaryQuery Datasets { get; set; } = default!;

    [Inject]
    private CurrentUser CurrentUser { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Active.Changed += OnModelsChanged;
        _models = await WhatIf.ModelsAsync();
        _choices = await WhatIf.ChoicesAsync();
        _toScore = (await Datasets.GetAsync()).PurchasesToScore.Rows;
        if (await WhatIf.OrderLineAsync() is { } line)
            _order = CancellationForm.From(line);
        if (await WhatIf.CustomerAsync() is { } customer)
            _customer = PurchaseForm.From(customer);
        Rescore();
    }

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    private void Rescore()
    {
        // The API's check (decision 0021): an input out of range is shown beside its field and nothing is scored.
        _orderCheck = Validator.Check(_order.ToRequest());
        _customerCheck = Validator.Check(_customer.ToRequest());
        _risk = _orderCheck.Input is { } order ? WhatIfService.Score(_models, order) : null;
        _amount = _customerCheck.Input is { } customer ? WhatIfService.Score(_models, customer) : null;
        _riskFigure = _risk is null ? null : ModelFigures.Contributions(ModelFigures.Pairs(_risk.Prediction.Contributions), "log-odds");
        _amountFigure = _amount is null ? null
            : ModelFigures.Contributions(ModelFigures.Pairs(_amount.Prediction.Contributions), "amount", higherIsBad: false);
    }

    /// <summary>An input changed: scored while the user still has the page's role (decision 0022).</summary>
    private async Task ScoreChangeAsync()
    {
        await CurrentUser.RequireAsync(Role.Analyst);
        Rescore();
    }

    private async Task AnotherOrder()
    {
        await CurrentUser.RequireAsync(Role.Analyst);
        _orderSkip += 37;
        if (await WhatIf.OrderLineAsync(_orderSkip) is { } line)
            _order = CancellationForm.From(line);
        Rescore();
    }

    private async Task AnotherCustomer()
    {
        await CurrentUser.RequireAsync(Role.Analyst);
        _customerSkip += 101;
        if (await WhatIf.CustomerAsync(_customerSkip) is { } customer)
            _customer = PurchaseForm.From(customer);
        Rescore();
    }

    private async Task ApplyAsync(Core.Models.Training.WhatIfChange change)
    {
        await CurrentUser.RequireAsync(Role.Analyst);
        // The model keeps its levels upper-cased; the form offers the stored spelling.
        string Stored(IReadOnlyList<string>? choices) =>
            choices?.FirstOrDefault(c => string.Equals(c, change.Value, StringComparison.OrdinalIgnoreCase)) ?? change.Value;
        switch (change.Input)
        {
            case CancellationFeatures.Fulfilment: _order.Fulfilment = Stored(_choices?.Fulfilments); break;
            case CancellationFeatures.SalesChannel: _order.SalesChannel = Stored(_choices?.SalesChannels); break;
            case CancellationFeatures.ServiceLevel: _order.ServiceLevel = Stored(_choices?.ServiceLevels); break;
            case CancellationFeatures.Category: _order.Category = Stored(_choices?.Categories); break;
            case CancellationFeatures.Size: _order.Size = Stored(_choices?.Sizes); break;
            case CancellationFeatures.State: _order.State = Stored(_choices?.States); break;
            case CancellationFeatures.B2B: _order.B2B = bool.Parse(change.Value); break;
            case CancellationFeatures.Weekday: _order.Weekday = Enum.Parse<DayOfWeek>(change.Value); break;
            case CancellationFeatures.Amount: _order.Amount = decimal.Parse(change.Value, Invariant); break;
        }
        Rescore();
    }

    private void OnModelsChanged() => _ = InvokeAsync(async () =>
    {
        _models = await WhatIf.ModelsAsync();
        Rescore();
        StateHasChanged();
    });


    private static string Pct(double? p) => p is { } v ? v.ToString("0.0%", CultureInfo.CurrentCulture) : "–";

    private static string Money(double? v) => v is { } x ? x.ToString("N0", CultureInfo.CurrentCulture) : "–";

    private static string Change(double change) => (change * 100).ToString("+0.0;-0.0", CultureInfo.CurrentCulture) + " pp";

    private static string InputName(string input) => input.Replace('_', ' ');

    public void Dispose() => Active.Changed -= OnModelsChanged;
}
