using System.Globalization;
using Dashboard.Core.Imports.History;
using Dashboard.Core.Imports.Queue;
using Dashboard.Core.Users;
using Dashboard.Web.Auth;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Dashboard.Web.Components.Pages.Imports;

/// <summary>
/// Upload → preview (a dry run in the queue) → commit (the queue's worker, outside this circuit) → history with undo.
/// The page only watches the <see cref="ImportQueue"/>; closing it does not stop anything.
/// </summary>
public sealed partial class ImportsPage : IDisposable
{
    private enum Stage { Choose, Transfer, Preview, Committed }

    private Stage _stage = Stage.Choose;
    private string _fileName = "";
    private long _fileSize;
    private long _transferred;
    private StagedUpload? _upload;
    private ImportJob? _job;
    private IReadOnlyList<BatchRow> _history = [];
    private string? _message;
    private bool _messageIsError;
    private bool _undoing;
    private DateTime _lastRender;
    private readonly CancellationTokenSource _closed = new();

    [Inject] private ImportQueue Queue { get; set; } = default!;
    [Inject] private UploadStaging Staging { get; set; } = default!;
    [Inject] private ImportHistoryQuery History { get; set; } = default!;
    [Inject] private ILogger<ImportsPage> Logger { get; set; } = default!;
    [Inject] private AuditLog Audit { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Queue.Changed += OnQueueChanged;
        // Back on the page while an import runs (e.g. after closing the tab): show it.
        _job = Queue.Jobs.FirstOrDefault(j => j.Kind == ImportJobKind.Commit && j.State != ImportJobState.Finished);
        if (_job is not null)
        {
            _stage = Stage.Committed;
        }
        await RefreshHistory();
    }

    private async Task OnFileChosen(InputFileChangeEventArgs e)
    {
        await CurrentUser.RequireAsync(Role.Admin);
        var file = e.File;
        Say(null);
        _fileName = file.Name;
        _fileSize = file.Size;
        _transferred = 0;
        try
        {
            Staging.Check(file.Name, file.Size);
            _stage = Stage.Transfer;
            var progress = new Progress<long>(bytes =>
            {
                _transferred = bytes;
                RenderThrottled();
            });
            // The limit is enforced again while the bytes arrive: the size the browser declared is not trusted.
            await using var stream = file.OpenReadStream(Staging.MaxBytes, _closed.Token);
            _upload = await Staging.SaveAsync(stream, file.Name, progress, _closed.Token);
            _job = Queue.EnqueuePreview(_upload);
            _stage = Stage.Preview;
        }
        catch (UploadRefusedException refused)
        {
            DiscardUpload();
            _stage = Stage.Choose;
            Say(refused.Message, error: true);
        }
        catch (OperationCanceledException) when (_closed.IsCancellationRequested)
        {
            DiscardUpload(); // the page was closed mid-transfer: nothing was queued
        }
        catch (IOException io) when (!_closed.IsCancellationRequested)
        {
            Logger.LogWarning(io, "Upload of {File} failed", file.Name);
            DiscardUpload();
            _stage = Stage.Choose;
            Say($"The upload of '{file.Name}' did not complete ({io.Message}); nothing was imported.", error: true);
        }
    }

    private async Task Commit()
    {
        if (_upload is null)
        {
            return;
        }
        var user = await CurrentUser.RequireAsync(Role.Admin);
        try
        {
            await Audit.RecordAsync(user.UserName, AuditLog.Actions.Upload, $"{_upload.FileName} ({_upload.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes), committed");
            _job = Queue.EnqueueCommit(_upload);
            _upload = null; // the queue owns the file now, and deletes it when the import ends
            _stage = Stage.Committed;
            Say(null);
        }
        catch (UploadRefusedException refused)
        {
            Say(refused.Message, error: true);
        }
    }

    /// <summary>Stops the running preview or commit: the import rolls back within a second or two, the upload is deleted.</summary>
    private async Task CancelJob()
    {
        if (_job is not { } job)
        {
            return;
        }
        var user = await CurrentUser.RequireAsync(Role.Admin);
        var cancel = Queue.Cancel(job.Id, user.UserName);
        if (cancel is { Stopping: true })
        {
            await Audit.RecordAsync(user.UserName, AuditLog.Actions.Cancel, $"{job.Kind} of {job.FileName} on the Imports page");
            Say("Cancelled: nothing of this file was kept.");
        }
        else if (cancel?.Refusal is { } refusal)
        {
            Say(refusal);
        }
    }

    private void Discard()
    {
        DiscardUpload();
        Reset();
        Say("Discarded; nothing was imported.");
    }

    private void Reset()
    {
        _job = null;
        _stage = Stage.Choose;
        Say(null);
    }

    private async Task Undo(BatchRow batch)
    {
        if (await Dialogs.ShowMessageBoxAsync($"Undo batch {batch.Id}?",
                $"The lines this import added are removed and the lines it changed are put back as they were ({batch.FileName}).",
                yesText: "Undo the import", cancelText: "Keep it") != true)
        {
            return;
        }
        var user = await CurrentUser.RequireAsync(Role.Admin);
        _undoing = true;
        await Audit.RecordAsync(user.UserName, AuditLog.Actions.Undo, $"batch {batch.Id} ({batch.FileName})");
        var job = Queue.EnqueueUndo(batch.Id);
        await job.Completion;
        _undoing = false;
        var result = job.UndoResult;
        if (result is { Succeeded: true })
        {
            Say(string.Create(CultureInfo.CurrentCulture,
                $"Batch {batch.Id} undone: {result.LinesRemoved:N0} lines removed, {result.LinesRestored:N0} lines put back as they were, {result.PurchasesRemoved:N0} purchases removed."));
            Snackbar.Add($"Batch {batch.Id} undone.", Severity.Success);
        }
        else
        {
            Say(result?.Error ?? job.Error ?? "The undo failed.", error: true);
        }
        await RefreshHistory();
    }

    private void OnQueueChanged(ImportJob job) => _ = InvokeAsync(async () =>
    {
        if (job.State == ImportJobState.Finished)
        {
            if (job == _job && job.Kind == ImportJobKind.Preview && job.Summary is { Succeeded: false })
            {
                DiscardUpload(); // a refused file cannot be committed
            }
            if (job.Kind != ImportJobKind.Preview)
            {
                await RefreshHistory();
            }
            StateHasChanged();
        }
        else if (job == _job)
        {
            RenderThrottled();
        }
    });

    private void RenderThrottled()
    {
        if (DateTime.UtcNow - _lastRender > TimeSpan.FromMilliseconds(200))
        {
            _lastRender = DateTime.UtcNow;
            StateHasChanged();
        }
    }

    private async Task RefreshHistory() => _history = await History.ListAsync();

    private void DiscardUpload()
    {
        if (_upload is not null)
        {
            try
            {
                UploadStaging.Discard(_upload);
            }
            catch (IOException e)
            {
                Logger.LogWarning(e, "Could not delete {Path}", _upload.Path);
            }
            _upload = null;
        }
    }

    private void Say(string? message, bool error = false) => (_message, _messageIsError) = (message, error);

    private static double Percent(long part, long whole) => whole > 0 ? Math.Round(100.0 * part / whole, 1) : 0;

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Queue.Changed -= OnQueueChanged;
        _closed.Cancel();
        _closed.Dispose();
        if (_stage != Stage.Committed)
        {
            DiscardUpload(); // an upload left at its preview is not kept
        }
    }
}
