using System.Globalization;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using Dashboard.Web.Components.Charts;
using MudBlazor;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Components.Pages.Models;

/// <summary>
/// The Models page: for each kind, the active models' held-out metrics next to the baseline and to each other, calibration or
/// residuals, importance, leakage warnings, the training history and a Retrain action whose progress comes from the
/// background <see cref="TrainingCoordinator"/> (training never runs on this circuit).
/// </summary>
public sealed partial class ModelsPage : ComponentBase, IDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private IReadOnlyList<ModelVersionInfo>? _history;
    private TrainingStatus _status = TrainingStatus.Idle;
    private bool _mayRetrain;
    private Dictionary<ModelKind, ChartFigure[]> _figures = [];

    [Inject]
    private ModelStore Store { get; set; } = default!;

    [Inject]
    private TrainingCoordinator Training { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _mayRetrain = await User.GetAsync() is { } user && user.Can(Role.Admin);
        _status = Training.Status;
        Training.Changed += OnTrainingChanged;
        await LoadHistoryAsync();
    }

    private async Task LoadHistoryAsync()
    {
        _history = await Store.HistoryAsync();
        _figures = Enum.GetValues<ModelKind>().ToDictionary(kind => kind, kind =>
        {
            var shown = Shown(kind);
            return new[] { kind == ModelKind.Cancellation ? ModelFigures.Calibration(shown) : ModelFigures.Residuals(shown), ModelFigures.Importance(shown) };
        });
    }

    /// <summary>The kind's figures, built when the history loads: 0 calibration or residuals, 1 importance.</summary>
    private ChartFigure FigureOf(ModelKind kind, int index) => _figures[kind][index];

    /// <summary>The active model of each algorithm of a kind (linear first), or the newest when none is active.</summary>
    private IReadOnlyList<ModelVersionInfo> Shown(ModelKind kind) =>
        (_history ?? []).Where(m => m.Kind == kind).GroupBy(m => m.Algorithm).OrderBy(g => g.Key)
            .Select(g => g.FirstOrDefault(m => m.IsActive) ?? g.First()).ToList();

    private IEnumerable<ModelVersionInfo> History(ModelKind kind) => (_history ?? []).Where(m => m.Kind == kind);

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Retraining is for admins: checked here on the server, not only by hiding the button.</summary>
    private async Task Retrain()
    {
        if (await Dialogs.ShowMessageBoxAsync("Retrain the models?",
                "Both models of each kind are trained again on the stored data, in the background. A new model becomes active only if it is not worse than the active one.",
                yesText: "Retrain", cancelText: "Cancel") != true)
        {
            return;
        }
        var user = await User.RequireAsync(Role.Admin);
        Training.Request($"Retrain on the Models page by {user.UserName}");
        await Audit.RecordAsync(user.UserName, AuditLog.Actions.Retrain, "from the Models page");
        Snackbar.Add("Training started in the background.", Severity.Info);
    }

    private async Task Cancel()
    {
        await User.RequireAsync(Role.Admin);
        Training.Cancel();
    }

    private void OnTrainingChanged(TrainingStatus status) => _ = InvokeAsync(async () =>
    {
        var finished = _status.State == TrainingState.Running && status.State != TrainingState.Running;
        _status = status;
        if (finished)
            await LoadHistoryAsync();
        StateHasChanged();
    });

    private static string Metric(double? value, string format) => value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.CurrentCulture) : "–";

    private static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    private static string Percent(double fraction) => (fraction * 100).ToString("0", CultureInfo.CurrentCulture) + "%";

    public void Dispose() => Training.Changed -= OnTrainingChanged;
}
