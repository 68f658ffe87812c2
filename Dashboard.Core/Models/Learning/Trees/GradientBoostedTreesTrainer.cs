namespace Dashboard.Core.Models.Learning.Trees;

/// <summary>
/// Histogram gradient boosting, leaf-wise (best gain first) like LightGBM: binned features, histograms built for the
/// smaller child and subtracted from the parent's for the larger one, numeric splits that try missing values on both
/// sides, categorical splits over categories ordered by their gradient ratio, shrinkage, leaf/depth limits, minimum
/// hessian and rows per leaf, L2 on leaf values, row and column subsampling, and early stopping on a held-out part of
/// the training rows. Histograms are built in parallel over features and predictions in parallel over fixed row
/// ranges, so the result depends only on the data and <see cref="GradientBoostedTreesOptions.Seed"/>.
/// </summary>
public sealed class GradientBoostedTreesTrainer : IRegressionTrainer, IBinaryClassifierTrainer
{
    private const int ParallelRowThreshold = 4096;

    public GradientBoostedTreesTrainer(GradientBoostedTreesOptions? options = null)
    {
        Options = options ?? new GradientBoostedTreesOptions();
    }

    public GradientBoostedTreesOptions Options { get; }

    IRegressionModel IRegressionTrainer.Fit(FeatureMatrix features, double[] labels, IProgress<double>? progress, CancellationToken cancellationToken) =>
        Train(features, labels, false, progress, cancellationToken);

    IBinaryClassifier IBinaryClassifierTrainer.Fit(FeatureMatrix features, double[] labels, IProgress<double>? progress, CancellationToken cancellationToken) =>
        Train(features, labels, true, progress, cancellationToken);

    public GradientBoostedTreesModel Train(FeatureMatrix features, double[] labels, bool classification,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var o = Options;
        var random = new Random(o.Seed);
        var all = Enumerable.Range(0, features.Rows).ToArray();
        int[] trainRows, validRows;
        if (o.EarlyStoppingRounds > 0 && o.ValidationFraction > 0 && features.Rows >= 50)
        {
            random.Shuffle(all);
            var validCount = (int)(features.Rows * o.ValidationFraction);
            validRows = all[..validCount].Order().ToArray();
            trainRows = all[validCount..].Order().ToArray();
        }
        else
        {
            trainRows = all;
            validRows = [];
        }
        var train = features.Subset(trainRows);
        var yTrain = FeatureMatrix.Subset(labels, trainRows);
        var valid = features.Subset(validRows);
        var yValid = FeatureMatrix.Subset(labels, validRows);

        var binner = FeatureBinner.Fit(train, o.MaxBins, o.Seed);
        var trainBins = binner.BinAll(train);
        var validBins = binner.BinAll(valid);
        var missingBins = binner.ValueBins.ToArray();
        var mean = yTrain.Length == 0 ? 0 : yTrain.Average();
        var baseScore = classification ? ModelMath.Logit(mean) : mean;

        var n = train.Rows;
        var predTrain = new double[n];
        Array.Fill(predTrain, baseScore);
        var predValid = new double[valid.Rows];
        Array.Fill(predValid, baseScore);
        var gh = new double[2 * n];
        var gains = new double[features.Columns];
        var trees = new List<DecisionTree>();
        var grower = new TreeGrower(binner, trainBins, gh, o, gains);
        var bestLoss = double.PositiveInfinity;
        var bestCount = 0;
        var featureOrder = Enumerable.Range(0, features.Columns).ToArray();

        for (var iteration = 0; iteration < o.MaxIterations; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ForRanges(n, (start, end) =>
            {
                for (var i = start; i < end; i++)
                {
                    if (classification)
                    {
                        var p = ModelMath.Sigmoid(predTrain[i]);
                        gh[2 * i] = p - yTrain[i];
                        gh[2 * i + 1] = Math.Max(p * (1 - p), 1e-16);
                    }
                    else
                    {
                        gh[2 * i] = predTrain[i] - yTrain[i];
                        gh[2 * i + 1] = 1;
                    }
                }
            });
            int[] rows;
            if (o.RowSubsample < 1)
            {
                var picked = new List<int>((int)(n * o.RowSubsample) + 1);
                for (var i = 0; i < n; i++)
                {
                    if (random.NextDouble() < o.RowSubsample)
                        picked.Add(i);
                }
                rows = picked.ToArray();
            }
            else
            {
                rows = Enumerable.Range(0, n).ToArray();
            }
            int[] usedFeatures;
            if (o.ColumnSubsample < 1)
            {
                random.Shuffle(featureOrder);
                var take = Math.Max(1, (int)Math.Round(features.Columns * o.ColumnSubsample));
                usedFeatures = featureOrder[..take].Order().ToArray();
            }
            else
            {
                usedFeatures = Enumerable.Range(0, features.Columns).ToArray();
            }
            var tree = grower.Grow(rows, usedFeatures);
            trees.Add(tree);
            ForRanges(n, (start, end) =>
            {
                for (var i = start; i < end; i++)
                    predTrain[i] += tree.Value[tree.LeafOf(trainBins, i, missingBins)];
            });
            if (validRows.Length > 0)
            {
                ForRanges(valid.Rows, (start, end) =>
                {
                    for (var i = start; i < end; i++)
                        predValid[i] += tree.Value[tree.LeafOf(validBins, i, missingBins)];
                });
                var loss = Loss(yValid, predValid, classification);
                if (loss < bestLoss - 1e-12)
                {
                    bestLoss = loss;
                    bestCount = trees.Count;
                }
                else if (trees.Count - bestCount >= o.EarlyStoppingRounds)
                {
                    break;
                }
            }
            else
            {
                bestCount = trees.Count;
            }
            progress?.Report((iteration + 1) / (double)o.MaxIterations);
        }
        progress?.Report(1);
        return new GradientBoostedTreesModel(classification ? "boosted-trees-classifier" : "boosted-trees-regression", classification,
            features.Schema, binner, baseScore, trees.Take(bestCount).ToArray(), gains, o);
    }

    private static double Loss(double[] y, double[] score, bool classification)
    {
        double loss = 0;
        for (var i = 0; i < y.Length; i++)
        {
            if (classification)
            {
                var z = score[i];
                loss += (z > 0 ? z + Math.Log(1 + Math.Exp(-z)) : Math.Log(1 + Math.Exp(z))) - y[i] * z;
            }
            else
            {
                var e = score[i] - y[i];
                loss += e * e;
            }
        }
        return loss / Math.Max(y.Length, 1);
    }

    internal static void ForRanges(int n, Action<int, int> body)
    {
        if (n < ParallelRowThreshold)
        {
            body(0, n);
            return;
        }
        var chunks = Environment.ProcessorCount * 4;
        Parallel.For(0, chunks, c => body((int)((long)c * n / chunks), (int)((long)(c + 1) * n / chunks)));
    }

    /// <summary>Grows one tree leaf-wise; keeps per-feature gain totals in the shared array.</summary>
    private sealed class TreeGrower
    {
        private readonly FeatureBinner _binner;
        private readonly byte[][] _bins;
        private readonly double[] _gh;
        private readonly GradientBoostedTreesOptions _o;
        private readonly double[] _gains;
        private readonly int[] _binOffset;
        private readonly int _totalBins;

        public TreeGrower(FeatureBinner binner, byte[][] bins, double[] gh, GradientBoostedTreesOptions options, double[] gains)
        {
            _binner = binner;
            _bins = bins;
            _gh = gh;
            _o = options;
            _gains = gains;
            _binOffset = new int[binner.Count + 1];
            for (var f = 0; f < binner.Count; f++)
                _binOffset[f + 1] = _binOffset[f] + binner.ValueBins[f] + 1;
            _totalBins = _binOffset[^1];
        }

        public DecisionTree Grow(int[] rows, int[] features)
        {
            var builder = new TreeBuilder();
            var buffer = new int[rows.Length];
            var rootHist = new double[_totalBins * 3];
            BuildHistogram(rows, 0, rows.Length, features, rootHist);
            var (g, h) = Totals(rootHist, features[0]);
            var root = new Leaf(builder.AddLeaf(LeafValue(g, h)), 0, rows.Length, 0, rootHist, g, h, rows.Length);
            FindSplit(root, features);
            var leaves = new List<Leaf> { root };
            var leafCount = 1;
            while (leafCount < _o.MaxLeaves)
            {
                Leaf? best = null;
                foreach (var leaf in leaves)
                {
                    if (leaf.Split is { } s && s.Gain > _o.MinGainToSplit && (best is null || s.Gain > best.Split!.Gain))
                        best = leaf;
                }
                if (best is null)
                    break;
                leaves.Remove(best);
                var split = best.Split!;
                _gains[split.Feature] += split.Gain;
                var leftCount = Partition(rows, buffer, best.Start, best.Count, split);
                var leftNode = builder.AddLeaf(LeafValue(split.LeftG, split.LeftH));
                var rightNode = builder.AddLeaf(LeafValue(best.G - split.LeftG, best.H - split.LeftH));
                builder.Split(best.Node, split.Feature, split.Threshold, split.MissingLeft, split.Categories, leftNode, rightNode);
                var rightCount = best.Count - leftCount;
                var smallerIsLeft = leftCount <= rightCount;
                var smallHist = new double[_totalBins * 3];
                if (smallerIsLeft)
                    BuildHistogram(rows, best.Start, leftCount, features, smallHist);
                else
                    BuildHistogram(rows, best.Start + leftCount, rightCount, features, smallHist);
                var largeHist = best.Histogram;
                for (var i = 0; i < largeHist.Length; i++)
                    largeHist[i] -= smallHist[i];
                var leftHist = smallerIsLeft ? smallHist : largeHist;
                var rightHist = smallerIsLeft ? largeHist : smallHist;
                var left = new Leaf(leftNode, best.Start, leftCount, best.Depth + 1, leftHist, split.LeftG, split.LeftH, leftCount);
                var right = new Leaf(rightNode, best.Start + leftCount, rightCount, best.Depth + 1, rightHist,
                    best.G - split.LeftG, best.H - split.LeftH, rightCount);
                FindSplit(left, features);
                FindSplit(right, features);
                leaves.Add(left);
                leaves.Add(right);
                leafCount++;
            }
            return builder.Build();
        }

        private double LeafValue(double g, double h) => -_o.LearningRate * g / (h + _o.L2);

        private (double G, double H) Totals(double[] hist, int feature)
        {
            double g = 0, h = 0;
            for (var b = _binOffset[feature]; b < _binOffset[feature + 1]; b++)
            {
                g += hist[3 * b];
                h += hist[3 * b + 1];
            }
            return (g, h);
        }

        private void BuildHistogram(int[] rows, int start, int count, int[] features, double[] hist)
        {
            var gh = _gh;
            void One(int f)
            {
                var column = _bins[f];
                var span = hist.AsSpan(3 * _binOffset[f], 3 * (_binOffset[f + 1] - _binOffset[f]));
                var ids = rows.AsSpan(start, count);
                foreach (var r in ids)
                {
                    var b = 3 * column[r];
                    span[b] += gh[2 * r];
                    span[b + 1] += gh[2 * r + 1];
                    span[b + 2] += 1;
                }
            }
            if (count < ParallelRowThreshold)
            {
                foreach (var f in features)
                    One(f);
            }
            else
            {
                Parallel.ForEach(features, One);
            }
        }

        private int Partition(int[] rows, int[] buffer, int start, int count, SplitInfo split)
        {
            var column = _bins[split.Feature];
            var missingBin = _binner.ValueBins[split.Feature];
            var left = start;
            var right = 0;
            for (var i = start; i < start + count; i++)
            {
                var r = rows[i];
                int b = column[r];
                bool goLeft;
                if (split.Categories is { } bits)
                    goLeft = (bits[b >> 6] & (1UL << (b & 63))) != 0;
                else
                    goLeft = b == missingBin ? split.MissingLeft : b <= split.Threshold;
                if (goLeft)
                    rows[left++] = r;
                else
                    buffer[right++] = r;
            }
            Array.Copy(buffer, 0, rows, left, right);
            return left - start;
        }

        private void FindSplit(Leaf leaf, int[] features)
        {
            leaf.Split = null;
            if ((_o.MaxDepth > 0 && leaf.Depth >= _o.MaxDepth) || leaf.Count < 2 * _o.MinSamplesLeaf)
                return;
            SplitInfo? best = null;
            foreach (var f in features)
            {
                var candidate = _binner.Categorical[f] ? CategoricalSplit(leaf, f) : NumericSplit(leaf, f);
                if (candidate is not null && (best is null || candidate.Gain > best.Gain))
                    best = candidate;
            }
            leaf.Split = best;
        }

        private double Score(double g, double h, double l2) => g * g / (h + l2);

        private bool Allowed(double leftH, double leftC, double rightH, double rightC) =>
            leftH >= _o.MinChildWeight && rightH >= _o.MinChildWeight && leftC >= _o.MinSamplesLeaf && rightC >= _o.MinSamplesLeaf;

        private SplitInfo? NumericSplit(Leaf leaf, int f)
        {
            var hist = leaf.Histogram;
            var offset = _binOffset[f];
            var valueBins = _binner.ValueBins[f];
            var m = 3 * (offset + valueBins);
            double mg = hist[m], mh = hist[m + 1], mc = hist[m + 2];
            double gl = 0, hl = 0, cl = 0;
            var parent = Score(leaf.G, leaf.H, _o.L2);
            SplitInfo? best = null;
            for (var b = 0; b < valueBins - 1; b++)
            {
                var i = 3 * (offset + b);
                gl += hist[i];
                hl += hist[i + 1];
                cl += hist[i + 2];
                for (var side = 0; side < (mc > 0 ? 2 : 1); side++)
                {
                    var missingLeft = side == 1;
                    double lg = gl + (missingLeft ? mg : 0), lh = hl + (missingLeft ? mh : 0), lc = cl + (missingLeft ? mc : 0);
                    double rg = leaf.G - lg, rh = leaf.H - lh, rc = leaf.Count - lc;
                    if (!Allowed(lh, lc, rh, rc))
                        continue;
                    var gain = Score(lg, lh, _o.L2) + Score(rg, rh, _o.L2) - parent;
                    if (best is null || gain > best.Gain)
                        best = new SplitInfo(f, gain, b, missingLeft, null, lg, lh);
                }
            }
            return best;
        }

        private SplitInfo? CategoricalSplit(Leaf leaf, int f)
        {
            var hist = leaf.Histogram;
            var offset = _binOffset[f];
            var bins = _binner.ValueBins[f] + 1;
            var present = new List<(int Bin, double Ratio)>(bins);
            for (var b = 0; b < bins; b++)
            {
                var i = 3 * (offset + b);
                if (hist[i + 2] > 0)
                    present.Add((b, hist[i] / (hist[i + 1] + _o.CategoricalSmoothing)));
            }
            if (present.Count < 2)
                return null;
            present.Sort((a, c) => a.Ratio != c.Ratio ? a.Ratio.CompareTo(c.Ratio) : a.Bin.CompareTo(c.Bin));
            var l2 = _o.L2 + _o.CategoricalSmoothing;
            var parent = Score(leaf.G, leaf.H, l2);
            double gl = 0, hl = 0, cl = 0;
            var bestGain = double.NegativeInfinity;
            var bestPrefix = -1;
            double bestG = 0, bestH = 0;
            for (var k = 0; k < present.Count - 1; k++)
            {
                var i = 3 * (offset + present[k].Bin);
                gl += hist[i];
                hl += hist[i + 1];
                cl += hist[i + 2];
                double rg = leaf.G - gl, rh = leaf.H - hl, rc = leaf.Count - cl;
                if (!Allowed(hl, cl, rh, rc))
                    continue;
                var gain = Score(gl, hl, l2) + Score(rg, rh, l2) - parent;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    bestPrefix = k;
                    bestG = gl;
                    bestH = hl;
                }
            }
            if (bestPrefix < 0)
                return null;
            var bits = new ulong[4];
            for (var k = 0; k <= bestPrefix; k++)
                bits[present[k].Bin >> 6] |= 1UL << (present[k].Bin & 63);
            return new SplitInfo(f, bestGain, 0, false, bits, bestG, bestH);
        }
    }

    private sealed record SplitInfo(int Feature, double Gain, int Threshold, bool MissingLeft, ulong[]? Categories, double LeftG, double LeftH);

    private sealed class Leaf(int node, int start, int count, int depth, double[] histogram, double g, double h, double rowCount)
    {
        public int Node { get; } = node;
        public int Start { get; } = start;
        public int Count { get; } = count;
        public int Depth { get; } = depth;
        public double[] Histogram { get; } = histogram;
        public double G { get; } = g;
        public double H { get; } = h;
        public double RowCount { get; } = rowCount;
        public SplitInfo? Split { get; set; }
    }
}
