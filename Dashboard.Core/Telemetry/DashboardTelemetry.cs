using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dashboard.Core.Telemetry;

/// <summary>
/// The product's own meter and activity source, and every instrument and span name of ours, in one place
/// (decision 0029-metrics-and-traces). Instruments cost next to nothing while nothing listens: the web app's
/// OpenTelemetry pipeline listens to <see cref="Name"/>, the command line does not.
/// </summary>
public static class DashboardTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Dashboard";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Buckets for durations in seconds, from a frame read of a few milliseconds to a training run of minutes.</summary>
    private static readonly InstrumentAdvice<double> Seconds = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
    };

    /// <summary>Imports run by the queue (previews and commits), by <c>format</c>, <c>kind</c> and <c>outcome</c>.</summary>
    public static readonly Counter<long> Imports = Meter.CreateCounter<long>("dashboard.imports", "{import}",
        "Imports run (previews and commits), by format, kind and outcome (succeeded, refused, cancelled, failed).");

    /// <summary>Rows read by those imports, by <c>format</c>, <c>kind</c> and <c>outcome</c>.</summary>
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("dashboard.import.rows", "{row}",
        "Rows read by imports, by format, kind and outcome.");

    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("dashboard.import.duration", "s",
        "How long an import ran, from its turn in the queue to its commit or refusal, by format, kind and outcome.", tags: null, advice: Seconds);

    /// <summary>Training runs, by <c>outcome</c> (succeeded, failed, cancelled, skipped: another instance trained).</summary>
    public static readonly Histogram<double> TrainingDuration = Meter.CreateHistogram<double>("dashboard.training.duration", "s",
        "How long a training run took, by outcome.", tags: null, advice: Seconds);

    /// <summary>A frame (or the rollup's summary) read from the store, by <c>frame</c> (orders, purchases).</summary>
    public static readonly Histogram<double> FrameBuildDuration = Meter.CreateHistogram<double>("dashboard.frames.build.duration", "s",
        "How long reading the analytics frames from the store took, by frame.", tags: null, advice: Seconds);

    /// <summary>The lines the current frame holds in memory, by <c>frame</c> (0 for orders past the frames' size: the rollup is read).</summary>
    public static readonly Gauge<long> FrameLines = Meter.CreateGauge<long>("dashboard.frames.lines", "{line}",
        "Lines the current analytics frame holds in memory, by frame.");

    /// <summary>Digest e-mails, by <c>kind</c> (scheduled, test) and <c>outcome</c> (sent, refused, failed).</summary>
    public static readonly Counter<long> DigestSends = Meter.CreateCounter<long>("dashboard.digest.sends", "{mail}",
        "Digest e-mails, by kind and outcome.");

    /// <summary>Sign-ins, by <c>outcome</c> (success, wrong_credentials, locked_out, disabled).</summary>
    public static readonly Counter<long> SignIns = Meter.CreateCounter<long>("dashboard.sign_ins", "{sign-in}",
        "Sign-in attempts, by outcome.");

    /// <summary>Changes and requests refused because an import held the store, by <c>where</c> (change, request).</summary>
    public static readonly Counter<long> StoreBusyRefusals = Meter.CreateCounter<long>("dashboard.store.busy_refusals", "{refusal}",
        "Changes and requests refused because the store was held by an import for longer than the busy timeout.");

    /// <summary>Span names: an import's steps, a page's query, a training run, a digest send.</summary>
    public static class Spans
    {
        public const string Upload = "import.upload";
        public const string Staging = "import.staging";
        public const string Import = "import";
        public const string Parse = "import.parse";
        public const string Write = "import.write";
        public const string Rollup = "import.rollup";
        public const string FrameBuild = "frames.build";
        public const string Query = "query";
        public const string Training = "training";
        public const string DigestSend = "digest.send";
    }

    /// <summary>Runs a screen's query (<paramref name="name"/>: overview, weekly, purchases) as a span of the request or circuit event that asked.</summary>
    public static async Task<T> QueryAsync<T>(string name, Func<Task<T>> query)
    {
        using var span = Source.StartActivity(Spans.Query, ActivityKind.Internal, default(ActivityContext), [new("dashboard.query", name)]);
        return await query();
    }

    /// <summary>A tag's value from an enum or a name, as Prometheus labels read best: lower case, words joined by '_'.</summary>
    public static string Tag(string value) => string.Concat(value.Select((c, i) =>
        char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
