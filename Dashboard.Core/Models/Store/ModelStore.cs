using Dashboard.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Core.Models.Store;

/// <summary>
/// The trained models in the database: every version is kept; at most one version per kind and algorithm is active.
/// <see cref="ActiveChanged"/> is raised after a save that activated a model, so that scoring caches reload.
/// </summary>
public sealed class ModelStore(IDbContextFactory<DashboardDbContext> contexts)
{
    public event Action? ActiveChanged;

    /// <summary>Stores <paramref name="model"/> with the next version number of its kind and algorithm; when it is active, the
    /// version active before is deactivated in the same transaction.</summary>
    public async Task<StoredModel> AddAsync(StoredModel model, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var last = await db.Models.Where(m => m.Kind == model.Kind && m.Algorithm == model.Algorithm)
                .Select(m => (int?)m.Version).MaxAsync(cancellationToken);
            model.Version = (last ?? 0) + 1;
            if (model.IsActive)
            {
                await db.Models.Where(m => m.Kind == model.Kind && m.Algorithm == model.Algorithm && m.IsActive)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), cancellationToken);
            }
            db.Models.Add(model);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (model.IsActive)
            ActiveChanged?.Invoke();
        return model;
    }

    /// <summary>The active version of a kind and algorithm with its payload, or null.</summary>
    public async Task<StoredModel?> GetActiveAsync(ModelKind kind, ModelAlgorithm algorithm, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Models.AsNoTracking().FirstOrDefaultAsync(m => m.Kind == kind && m.Algorithm == algorithm && m.IsActive, cancellationToken);
    }

    /// <summary>The ids of the active versions, to notice an activation made by another process (the <c>train</c> command).</summary>
    public async Task<string> ActiveStampAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await db.Models.Where(m => m.IsActive).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        return string.Join(',', ids);
    }

    /// <summary>Switches a version off without activating another (an active model that can no longer be read).</summary>
    public async Task DeactivateAsync(long id, CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Models.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false), cancellationToken);
        }
        ActiveChanged?.Invoke();
    }

    /// <summary>True for a payload written by our own trainers before the move to ML.NET (JSON, not an ML.NET zip).</summary>
    public static bool IsLegacyPayload(byte[] payload) => Training.TabularModel.IsLegacy(payload);

    /// <summary>Active versions stored in the format from before ML.NET: the app retrains on start when there are any.</summary>
    public async Task<IReadOnlyList<string>> LegacyActiveAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = await db.Models.AsNoTracking().Where(m => m.IsActive).Select(m => new { m.Kind, m.Algorithm, m.Version, m.Payload }).ToListAsync(cancellationToken);
        return active.Where(m => IsLegacyPayload(m.Payload)).Select(m => $"{m.Kind} {m.Algorithm} v{m.Version}".ToLowerInvariant()).ToArray();
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Models.AnyAsync(cancellationToken);
    }

    /// <summary>Every stored version, newest first, without payloads.</summary>
    public async Task<IReadOnlyList<ModelVersionInfo>> HistoryAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Models.AsNoTracking().OrderByDescending(m => m.Id)
            .Select(m => new { m.Id, m.Kind, m.Algorithm, m.Version, m.ModelName, m.TrainedAt, m.TrainingBatches, m.IsActive, m.Decision, m.ParametersJson, m.ReportJson })
            .ToListAsync(cancellationToken);
        return rows.Select(m => new ModelVersionInfo(m.Id, m.Kind, m.Algorithm, m.Version, m.ModelName, m.TrainedAt,
            System.Text.Json.JsonSerializer.Deserialize<long[]>(m.TrainingBatches) ?? [], m.IsActive, m.Decision, m.ParametersJson,
            ModelReport.FromJson(m.ReportJson))).ToArray();
    }
}
