using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Core.Models.Learning.Linear;

/// <summary>Normal-equation pieces shared by the ridge and logistic trainers.</summary>
internal static class LinearSolver
{
    /// <summary>Accumulates over <paramref name="rows"/> in fixed chunks on all cores, summed in chunk order (deterministic).</summary>
    public static (double[] Gram, double[] Rhs) Accumulate(SparseRows x, int[] rows, Func<int, (double Weight, double G)> weightAndG)
    {
        var p = x.Width;
        const int Chunks = 4;
        var grams = new double[Chunks][];
        var rhss = new double[Chunks][];
        Parallel.For(0, Chunks, c =>
        {
            var start = (int)((long)c * rows.Length / Chunks);
            var end = (int)((long)(c + 1) * rows.Length / Chunks);
            grams[c] = new double[p * p];
            rhss[c] = new double[p];
            x.Accumulate(rows.AsSpan(start, end - start), weightAndG, grams[c], rhss[c]);
        });
        for (var c = 1; c < Chunks; c++)
        {
            for (var i = 0; i < grams[0].Length; i++)
                grams[0][i] += grams[c][i];
            for (var i = 0; i < p; i++)
                rhss[0][i] += rhss[c][i];
        }
        return (grams[0], rhss[0]);
    }

    /// <summary>Column means and variances from an unweighted Gram matrix of <paramref name="n"/> rows (column 0 is the intercept).</summary>
    public static (double[] Means, double[] Variances) Moments(double[] gram, int p, double n)
    {
        var means = new double[p];
        var variances = new double[p];
        for (var c = 1; c < p; c++)
        {
            means[c] = gram[c] / n;
            variances[c] = Math.Max(gram[c * p + c] / n - means[c] * means[c], 0);
        }
        means[0] = 1;
        return (means, variances);
    }

    /// <summary>Solves (gram/n + λ·diag(penalty)) θ = rhs/n; the penalty of a constant column is 1 so that it stays at zero.</summary>
    public static double[] Solve(double[] gram, double[] rhs, int p, double n, double lambda, double[] variances)
    {
        var a = Matrix<double>.Build.Dense(p, p);
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++)
            {
                var v = gram[i * p + j] / n;
                a[i, j] = v;
                a[j, i] = v;
            }
            if (i > 0)
                a[i, i] += lambda * PenaltyWeight(variances[i]) + 1e-12;
        }
        var b = Vector<double>.Build.Dense(p, k => rhs[k] / n);
        return a.Cholesky().Solve(b).ToArray();
    }

    public static double PenaltyWeight(double variance) => variance > 1e-12 ? variance : 1;

    /// <summary>θᵀ·G·θ from the upper triangle.</summary>
    public static double Quadratic(double[] gram, double[] theta, int p)
    {
        double s = 0;
        for (var i = 0; i < p; i++)
        {
            s += gram[i * p + i] * theta[i] * theta[i];
            for (var j = i + 1; j < p; j++)
                s += 2 * gram[i * p + j] * theta[i] * theta[j];
        }
        return s;
    }

    public static int[][] Folds(int n, int k, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var folds = new List<int>[k];
        for (var i = 0; i < k; i++)
            folds[i] = new List<int>(n / k + 1);
        for (var i = 0; i < n; i++)
            folds[i % k].Add(order[i]);
        return folds.Select(f => f.Order().ToArray()).ToArray();
    }
}
