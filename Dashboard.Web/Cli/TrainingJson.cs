using System.Text.Json.Nodes;
using Dashboard.Core.Models.Store;

namespace Dashboard.Web.Cli;

/// <summary>
/// The <c>train</c> command's output for one model kind: the library's protocol figures (baseline, linear, boosted trees, with the
/// keys <c>rmse</c>, <c>mae</c>, <c>r2</c> or <c>auc</c>, <c>pr_auc</c>, <c>log_loss</c>, <c>brier</c>) and, for each stored model,
/// its version, whether it became active and why.
/// </summary>
public static class TrainingJson
{
    public static JsonObject Describe(KindOutcome outcome)
    {
        if (outcome.Figures is null)
        {
            return new JsonObject { ["trained"] = false, ["skipped"] = outcome.Skipped };
        }
        var report = JsonNode.Parse(outcome.Figures.ToJson())!.AsObject();
        report["trained"] = true;
        if (report["models"] is JsonArray models)
        {
            // The figures list the baseline first, then the linear model and the boosted trees, in the order they were stored.
            for (var i = 0; i < outcome.Models.Count && i + 1 < models.Count; i++)
            {
                var stored = outcome.Models[i];
                var entry = models[i + 1]!.AsObject();
                entry["algorithm"] = stored.Algorithm.ToString().ToLowerInvariant();
                entry["version"] = stored.Version;
                entry["active"] = stored.IsActive;
                entry["decision"] = stored.Decision;
            }
        }
        return report;
    }
}
