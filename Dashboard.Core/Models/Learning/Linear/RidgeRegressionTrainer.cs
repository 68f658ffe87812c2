namespace Dashboard.Core.Models.Learning.Linear;

/// <summary>
/// Ridge regression on the standardised design (the penalty of each column is weighted by its variance, so it acts on
/// standardised coefficients; the intercept is not penalised), with the regularisation and the numeric encoding chosen
/// by k-fold cross-validated RMSE. One pass over the data per encoding: each fold's normal equations are kept
/// separately, so every grid point is solved without touching the rows again.
/// </summary>
public sealed class RidgeRegressionTrainer : IRegressionTrainer
{
    public IReadOnlyList<double> Lambdas { get; init; } = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1];
    public IReadOnlyList<NumericEncoding> Encodings { get; init; } = [NumericEncoding.Standardised, NumericEncoding.QuantileBins];
    public int Folds { get; init; } = 5;
    public int Seed { get; init; } = 42;

    public IRegressionModel Fit(FeatureMatrix features, double[] labels, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var folds = LinearSolver.Folds(features.Rows, Folds, Seed);
        var grid = new List<GridPoint>();
        (double Score, NumericEncoding Encoding, double Lambda, LinearDesign Design, FoldStats[] Stats)? best = null;
        var step = 0;
        // the encodings differ only in how numeric inputs are read: without any, one is enough
        var encodings = features.Schema.Features.Any(f => f.Kind == FeatureKind.Numeric) ? Encodings : Encodings.Take(1).ToArray();
        foreach (var encoding in encodings)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var design = LinearDesign.Fit(features, encoding);
            var x = design.EncodeAll(features);
            var stats = folds.Select(rows =>
            {
                var (gram, rhs) = LinearSolver.Accumulate(x, rows, r => (1, labels[r]));
                double yy = 0;
                foreach (var r in rows)
                    yy += labels[r] * labels[r];
                return new FoldStats(gram, rhs, yy, rows.Length);
            }).ToArray();
            var p = design.Width;
            foreach (var lambda in Lambdas)
            {
                cancellationToken.ThrowIfCancellationRequested();
                double sse = 0, count = 0;
                for (var k = 0; k < stats.Length; k++)
                {
                    var train = FoldStats.Sum(stats.Where((_, i) => i != k), p);
                    var (_, variances) = LinearSolver.Moments(train.Gram, p, train.N);
                    var theta = LinearSolver.Solve(train.Gram, train.Rhs, p, train.N, lambda, variances);
                    var v = stats[k];
                    sse += v.YY - 2 * Dot(theta, v.Rhs) + LinearSolver.Quadratic(v.Gram, theta, p);
                    count += v.N;
                }
                var rmse = Math.Sqrt(Math.Max(sse, 0) / count);
                grid.Add(new GridPoint(lambda, encoding, rmse));
                if (best is null || rmse < best.Value.Score)
                    best = (rmse, encoding, lambda, design, stats);
            }
            progress?.Report(++step / (double)encodings.Count);
        }
        var chosen = best ?? throw new InvalidOperationException("The grid is empty.");
        var width = chosen.Design.Width;
        var all = FoldStats.Sum(chosen.Stats, width);
        var (means, vars) = LinearSolver.Moments(all.Gram, width, all.N);
        var coefficients = LinearSolver.Solve(all.Gram, all.Rhs, width, all.N, chosen.Lambda, vars);
        return new LinearModel("ridge", false, features.Schema, chosen.Design, coefficients, means, vars, grid);
    }

    private static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
            s += a[i] * b[i];
        return s;
    }

    private sealed record FoldStats(double[] Gram, double[] Rhs, double YY, double N)
    {
        public static FoldStats Sum(IEnumerable<FoldStats> parts, int p)
        {
            var gram = new double[p * p];
            var rhs = new double[p];
            double yy = 0, n = 0;
            foreach (var s in parts)
            {
                for (var i = 0; i < gram.Length; i++)
                    gram[i] += s.Gram[i];
                for (var i = 0; i < p; i++)
                    rhs[i] += s.Rhs[i];
                yy += s.YY;
                n += s.N;
            }
            return new FoldStats(gram, rhs, yy, n);
        }
    }
}
