using System.Globalization;
using Dashboard.Core.Models.Store;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
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

    [Inject]
    private ModelStore Store { get; set; } = default!;

    [Inject]
    private TrainingCoordinator Training { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _mayRetrain = await User.GetAsync() is { } user && user.Can(Role.Admin);
        _status = Training.Status;
        Training.Changed += OnTrainingChanged;
        _history = await Store.HistoryAsync();
    }

    /// <summary>The active model of each algorithm of a kind (linear first), or the newest when none is active.</summary>
    private IReadOnlyList<ModelVersionInfo> Shown(ModelKind kind) =>
        (_history ?? []).Where(m => m.Kind == kind).GroupBy(m => m.Algorithm).OrderBy(g => g.Key)
            .Select(g => g.FirstOrDefault(m => m.IsActive) ?? g.First()).ToList();

    private IEnumerable<ModelVersionInfo> History(ModelKind kind) => (_history ?? []).Where(m => m.Kind == kind);

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private AuditLog Audit { get; set; } = default!;

    /// <summary>Retraining is for admins: checked here on the server, not only by hiding the button.</summary>
    private async Task Retrain()
    {
        var user = await User.RequireAsync(Role.Admin);
        Training.Request($"Retrain on the Models page by {user.UserName}");
        await Audit.RecordAsync(user.UserName, AuditLog.Actions.Retrain, "from the Models page");
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
            _history = await Store.HistoryAsync();
        StateHasChanged();
    });

    private static string Metric(double? value, string format) => value is { } v && !double.IsNaN(v) ? v.ToString(format, Invariant) : "–";

    private static string When(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    private static string Percent(double fraction) => (fraction * 100).ToString("0", Invariant) + "%";

    public void Dispose() => Training.Changed -= OnTrainingChanged;
}
