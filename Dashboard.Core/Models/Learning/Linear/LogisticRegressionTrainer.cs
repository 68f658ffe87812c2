namespace Dashboard.Core.Models.Learning.Linear;

/// <summary>
/// L2-regularised logistic regression (mean log loss + λ/2·Σ var_j·β_j², i.e. the penalty on standardised coefficients,
/// intercept free) fitted by Newton's method with step halving; λ and the numeric encoding are chosen by k-fold
/// cross-validated log loss, warm-starting from the stronger penalty.
/// </summary>
public sealed class LogisticRegressionTrainer : IBinaryClassifierTrainer
{
    public IReadOnlyList<double> Lambdas { get; init; } = [1e-1, 1e-2, 1e-3, 1e-4, 1e-5];
    public IReadOnlyList<NumericEncoding> Encodings { get; init; } = [NumericEncoding.Standardised, NumericEncoding.QuantileBins];
    public int Folds { get; init; } = 3;
    public int Seed { get; init; } = 42;
    public int MaxIterations { get; init; } = 30;

    public IBinaryClassifier Fit(FeatureMatrix features, double[] labels, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var folds = LinearSolver.Folds(features.Rows, Folds, Seed);
        var grid = new List<GridPoint>();
        (double Score, double Lambda, LinearDesign Design, SparseRows X)? best = null;
        // the encodings differ only in how numeric inputs are read: without any, one is enough
        var encodings = features.Schema.Features.Any(f => f.Kind == FeatureKind.Numeric) ? Encodings : Encodings.Take(1).ToArray();
        var steps = encodings.Count * (Folds + 1);
        var step = 0;
        foreach (var encoding in encodings)
        {
            var design = LinearDesign.Fit(features, encoding);
            var x = design.EncodeAll(features);
            var losses = new double[Lambdas.Count];
            for (var k = 0; k < folds.Length; k++)
            {
                var train = folds.Where((_, i) => i != k).SelectMany(f => f).Order().ToArray();
                double[]? theta = null;
                for (var l = 0; l < Lambdas.Count; l++)
                {
                    theta = FitNewton(x, labels, train, Lambdas[l], theta, cancellationToken);
                    double loss = 0;
                    foreach (var r in folds[k])
                    {
                        var pr = Math.Clamp(ModelMath.Sigmoid(x.Dot(r, theta)), 1e-15, 1 - 1e-15);
                        loss -= labels[r] * Math.Log(pr) + (1 - labels[r]) * Math.Log(1 - pr);
                    }
                    losses[l] += loss;
                }
                progress?.Report(++step / (double)steps);
            }
            for (var l = 0; l < Lambdas.Count; l++)
            {
                var score = losses[l] / features.Rows;
                grid.Add(new GridPoint(Lambdas[l], encoding, score));
                if (best is null || score < best.Value.Score)
                    best = (score, Lambdas[l], design, x);
            }
        }
        var chosen = best ?? throw new InvalidOperationException("The grid is empty.");
        var all = Enumerable.Range(0, features.Rows).ToArray();
        var coefficients = FitNewton(chosen.X, labels, all, chosen.Lambda, null, cancellationToken);
        var (gram, _) = LinearSolver.Accumulate(chosen.X, all, _ => (1, 0));
        var (means, variances) = LinearSolver.Moments(gram, chosen.X.Width, all.Length);
        progress?.Report(1);
        return new LinearModel("logistic", true, features.Schema, chosen.Design, coefficients, means, variances, grid);
    }

    private double[] FitNewton(SparseRows x, double[] y, int[] rows, double lambda, double[]? start, CancellationToken cancellationToken)
    {
        var p = x.Width;
        var n = (double)rows.Length;
        var (plainGram, _) = LinearSolver.Accumulate(x, rows, _ => (1, 0));
        var (_, variances) = LinearSolver.Moments(plainGram, p, n);
        var penalty = variances.Select(LinearSolver.PenaltyWeight).ToArray();
        penalty[0] = 0;
        var theta = start is null ? new double[p] : (double[])start.Clone();
        if (start is null)
            theta[0] = ModelMath.Logit(rows.Average(r => y[r]));
        var objective = Objective(x, y, rows, theta, lambda, penalty);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = theta;
            var (hessian, gradient) = LinearSolver.Accumulate(x, rows, r =>
            {
                var pr = ModelMath.Sigmoid(x.Dot(r, current));
                return (Math.Max(pr * (1 - pr), 1e-10), pr - y[r]);
            });
            for (var j = 1; j < p; j++)
                gradient[j] += n * lambda * penalty[j] * theta[j];
            // Solve((H/n + λ·P) Δ = g/n): LinearSolver.Solve adds λ·weight(var) on the diagonal, the same penalty.
            var delta = LinearSolver.Solve(hessian, gradient, p, n, lambda, variances);
            var stepSize = 1.0;
            double[] candidate;
            double candidateObjective;
            var halvings = 0;
            do
            {
                candidate = new double[p];
                for (var j = 0; j < p; j++)
                    candidate[j] = theta[j] - stepSize * delta[j];
                candidateObjective = Objective(x, y, rows, candidate, lambda, penalty);
                stepSize /= 2;
            }
            while (candidateObjective > objective + 1e-12 && ++halvings < 20);
            var improvement = objective - candidateObjective;
            if (candidateObjective <= objective)
            {
                theta = candidate;
                objective = candidateObjective;
            }
            if (improvement < 1e-9 || delta.Max(Math.Abs) < 1e-7)
                break;
        }
        return theta;
    }

    private static double Objective(SparseRows x, double[] y, int[] rows, double[] theta, double lambda, double[] penalty)
    {
        double loss = 0;
        foreach (var r in rows)
        {
            var z = x.Dot(r, theta);
            // log(1 + e^z) − y·z, computed stably
            loss += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - y[r] * z;
        }
        double reg = 0;
        for (var j = 1; j < theta.Length; j++)
            reg += penalty[j] * theta[j] * theta[j];
        return loss / rows.Length + lambda / 2 * reg;
    }
}
