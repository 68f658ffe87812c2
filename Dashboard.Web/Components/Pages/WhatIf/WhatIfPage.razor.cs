using System.Globalization;
using Dashboard.Core.Datasets;
using Dashboard.Core.Models.Features;
using Dashboard.Core.Models.Scoring;
using Dashboard.Core.Models.Store;
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
    private CancellationWhatIf? _risk;
    private PurchaseWhatIf? _amount;
    private int _orderSkip;
    private int _customerSkip;
    private int _toScore;

    [Inject]
    private WhatIfService WhatIf { get; set; } = default!;

    [Inject]
    private ActiveModels Active { get; set; } = default!;

    [Inject]
    private DatasetSummaryQuery Datasets { get; set; } = default!;

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

    private void Rescore()
    {
        _risk = WhatIfService.Score(_models, _order.ToInput());
        _amount = WhatIfService.Score(_models, _customer.ToInput());
    }

    private async Task AnotherOrder()
    {
        _orderSkip += 37;
        if (await WhatIf.OrderLineAsync(_orderSkip) is { } line)
            _order = CancellationForm.From(line);
        Rescore();
    }

    private async Task AnotherCustomer()
    {
        _customerSkip += 101;
        if (await WhatIf.CustomerAsync(_customerSkip) is { } customer)
            _customer = PurchaseForm.From(customer);
        Rescore();
    }

    private void Apply(Core.Models.Training.WhatIfChange change)
    {
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

    private static IEnumerable<string> With(IReadOnlyList<string> choices, string? current) =>
        current is null || choices.Contains(current) ? choices : choices.Prepend(current);

    private PlotlyFigure RiskFigure(CancellationWhatIf risk) =>
        ModelFigures.Contributions(ModelFigures.Pairs(risk.Prediction.Contributions), "log-odds");

    private PlotlyFigure AmountFigure(PurchaseWhatIf amount) =>
        ModelFigures.Contributions(ModelFigures.Pairs(amount.Prediction.Contributions), "amount", higherIsBad: false);

    private static string Pct(double? p) => p is { } v ? v.ToString("0.0%", Invariant) : "–";

    private static string Money(double? v) => v is { } x ? x.ToString("N0", Invariant) : "–";

    private static string Change(double change) => (change * 100).ToString("+0.0;-0.0", Invariant) + " pp";

    private static string InputName(string input) => input.Replace('_', ' ');

    public void Dispose() => Active.Changed -= OnModelsChanged;

    /// <summary>The cancellation form's state: mutable, bound to the inputs.</summary>
    private sealed class CancellationForm
    {
        public string? City { get; set; }
        public string? State { get; set; }
        public decimal? Amount { get; set; }
        public string? Category { get; set; }
        public string? Size { get; set; }
        public string? Fulfilment { get; set; }
        public string? SalesChannel { get; set; }
        public string? ServiceLevel { get; set; }
        public bool B2B { get; set; }
        public DayOfWeek Weekday { get; set; }

        public static CancellationForm From(CancellationInput i) => new()
        {
            City = i.City, State = i.State, Amount = i.Amount, Category = i.Category, Size = i.Size, Fulfilment = i.Fulfilment,
            SalesChannel = i.SalesChannel, ServiceLevel = i.ServiceLevel, B2B = i.B2B, Weekday = i.Weekday,
        };

        public CancellationInput ToInput() => new()
        {
            City = City, State = State, Amount = Amount, Category = Category, Size = Size, Fulfilment = Fulfilment,
            SalesChannel = SalesChannel, ServiceLevel = ServiceLevel, B2B = B2B, Weekday = Weekday,
        };
    }

    /// <summary>The purchase form's state; the IDs are optional.</summary>
    private sealed class PurchaseForm
    {
        public int? UserId { get; set; }
        public string? ProductId { get; set; }
        public string Gender { get; set; } = "M";
        public string AgeBand { get; set; } = "26-35";
        public int Occupation { get; set; }
        public string CityCategory { get; set; } = "B";
        public int StayYears { get; set; } = 1;
        public bool Married { get; set; }
        public int ProductCategory1 { get; set; } = 1;
        public int? ProductCategory2 { get; set; }
        public int? ProductCategory3 { get; set; }

        public static PurchaseForm From(PurchaseInput i) => new()
        {
            UserId = i.UserId, ProductId = i.ProductId, Gender = i.Gender ?? "M", AgeBand = i.AgeBand ?? "26-35", Occupation = i.Occupation,
            CityCategory = i.CityCategory ?? "B", StayYears = i.StayYears, Married = i.Married, ProductCategory1 = i.ProductCategory1,
            ProductCategory2 = i.ProductCategory2, ProductCategory3 = i.ProductCategory3,
        };

        public PurchaseInput ToInput() => new()
        {
            UserId = UserId, ProductId = string.IsNullOrWhiteSpace(ProductId) ? null : ProductId.Trim(), Gender = Gender, AgeBand = AgeBand,
            Occupation = Occupation, CityCategory = CityCategory, StayYears = StayYears, Married = Married, ProductCategory1 = ProductCategory1,
            ProductCategory2 = ProductCategory2, ProductCategory3 = ProductCategory3,
        };
    }
}
