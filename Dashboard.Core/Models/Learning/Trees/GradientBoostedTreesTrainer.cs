namespace Dashboard.Core.Models.Learning.Trees;

/// <summary>
/// Histogram gradient boosting, leaf-wise (best gain first) like LightGBM: binned features, histograms built for the
/// smaller child and subtracted from the parent's for the larger one, numeric splits that try missing values on both
/// sides, categorical splits over categories ordered by their gradient ratio, shrinkage, leaf/depth limits, minimum
/// hessian and rows per leaf, L2 on leaf values, row and column subsampling, and early stopping on a held-out part of
/// the training rows. Training rows whose bins are all equal are boosted as one weighted row (exact: a tree cannot
/// tell them apart), which on categorical data such as the purchase file cuts the work about threefold; row
/// subsampling then draws such groups. Histograms and partitions of large leaves run on all cores over a fixed number
/// of row chunks whose partial sums are added in chunk order, so the model depends only on the data and
/// <see cref="GradientBoostedTreesOptions.Seed"/>, not on the core count or thread timing.
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
        var width = features.Columns;
        // Training rows with identical bins cannot be told apart by any tree: boost on one weighted row per distinct
        // bin vector (its row count and label sum). Gradients and hessians of a group are exact sums over its rows.
        var (trainBins, weights, labelSums) = Group(binner.BinRows(train), yTrain, width);
        var validBins = binner.BinRows(valid);
        var missingBins = binner.ValueBins.ToArray();
        var mean = yTrain.Length == 0 ? 0 : yTrain.Average();
        var baseScore = classification ? ModelMath.Logit(mean) : mean;

        var n = weights.Length;
        var predTrain = new double[n];
        Array.Fill(predTrain, baseScore);
        var predValid = new double[valid.Rows];
        Array.Fill(predValid, baseScore);
        var gh = new double[3 * n];
        var trees = new List<DecisionTree>();
        var treeGains = new List<double[]>();
        var grower = new TreeGrower(binner, trainBins, gh, o);
        var sampled = new bool[n];
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
                    var w = weights[i];
                    if (classification)
                    {
                        var p = ModelMath.Sigmoid(predTrain[i]);
                        gh[3 * i] = w * p - labelSums[i];
                        gh[3 * i + 1] = Math.Max(w * p * (1 - p), 1e-16);
                    }
                    else
                    {
                        gh[3 * i] = w * predTrain[i] - labelSums[i];
                        gh[3 * i + 1] = w;
                    }
                    gh[3 * i + 2] = w;
                }
            });
            int[] rows;
            if (o.RowSubsample < 1)
            {
                var picked = new List<int>((int)(n * o.RowSubsample) + 1);
                for (var i = 0; i < n; i++)
                {
                    sampled[i] = random.NextDouble() < o.RowSubsample;
                    if (sampled[i])
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
            var (tree, leafRanges, gainsOfTree) = grower.Grow(rows, usedFeatures);
            trees.Add(tree);
            treeGains.Add(gainsOfTree);
            // Rows that grew the tree are already sorted into its leaves; only the others are run down it.
            foreach (var (node, start, count) in leafRanges)
            {
                var value = tree.Value[node];
                foreach (var r in rows.AsSpan(start, count))
                    predTrain[r] += value;
            }
            if (rows.Length < n)
            {
                ForRanges(n, (start, end) =>
                {
                    for (var i = start; i < end; i++)
                    {
                        if (!sampled[i])
                            predTrain[i] += tree.Value[tree.LeafOf(trainBins.AsSpan(i * width, width), missingBins)];
                    }
                });
            }
            if (validRows.Length > 0)
            {
                ForRanges(valid.Rows, (start, end) =>
                {
                    for (var i = start; i < end; i++)
                        predValid[i] += tree.Value[tree.LeafOf(validBins.AsSpan(i * width, width), missingBins)];
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
        // importance counts only the trees the model keeps
        var gains = new double[features.Columns];
        foreach (var g in treeGains.Take(bestCount))
        {
            for (var f = 0; f < gains.Length; f++)
                gains[f] += g[f];
        }
        return new GradientBoostedTreesModel(classification ? "boosted-trees-classifier" : "boosted-trees-regression", classification,
            features.Schema, binner, baseScore, trees.Take(bestCount).ToArray(), gains, o);
    }

    private static (byte[] Bins, double[] Weights, double[] LabelSums) Group(byte[] bins, double[] labels, int width)
    {
        var index = new Dictionary<BinRow, int>(new BinRowComparer(bins, width));
        var first = new List<int>();
        var weights = new List<double>();
        var sums = new List<double>();
        for (var r = 0; r < labels.Length; r++)
        {
            if (!index.TryGetValue(new BinRow(r), out var g))
            {
                g = first.Count;
                index.Add(new BinRow(r), g);
                first.Add(r);
                weights.Add(0);
                sums.Add(0);
            }
            weights[g] += 1;
            sums[g] += labels[r];
        }
        var grouped = new byte[first.Count * width];
        for (var g = 0; g < first.Count; g++)
            Array.Copy(bins, first[g] * width, grouped, g * width, width);
        return (grouped, weights.ToArray(), sums.ToArray());
    }

    private readonly record struct BinRow(int Row);

    private sealed class BinRowComparer(byte[] bins, int width) : IEqualityComparer<BinRow>
    {
        public bool Equals(BinRow a, BinRow b) =>
            bins.AsSpan(a.Row * width, width).SequenceEqual(bins.AsSpan(b.Row * width, width));

        public int GetHashCode(BinRow row)
        {
            var hash = new HashCode();
            hash.AddBytes(bins.AsSpan(row.Row * width, width));
            return hash.ToHashCode();
        }
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

    /// <summary>Grows one tree leaf-wise and totals its split gains per feature.</summary>
    private sealed class TreeGrower
    {
        private readonly FeatureBinner _binner;
        private const int Chunks = 4;
        private readonly byte[] _bins;
        private readonly int _width;
        private readonly int[] _histOffset;
        private readonly double[][] _chunkHists;
        private int[] _buffer = [];
        private int[] _rightBuffer = [];
        private readonly double[] _gh;
        private readonly GradientBoostedTreesOptions _o;
        private double[] _gains = [];
        private readonly int[] _binOffset;
        private readonly int _totalBins;

        public TreeGrower(FeatureBinner binner, byte[] bins, double[] gh, GradientBoostedTreesOptions options)
        {
            _binner = binner;
            _bins = bins;
            _width = binner.Count;
            _gh = gh;
            _o = options;
            _binOffset = new int[binner.Count + 1];
            for (var f = 0; f < binner.Count; f++)
                _binOffset[f + 1] = _binOffset[f] + binner.ValueBins[f] + 1;
            _totalBins = _binOffset[^1];
            _histOffset = _binOffset.Select(b => 3 * b).ToArray();
            _chunkHists = Enumerable.Range(0, Chunks).Select(_ => new double[_totalBins * 3]).ToArray();
        }

        /// <summary>Grows a tree from <paramref name="rows"/>, which it reorders so that each leaf's rows are one range.</summary>
        public (DecisionTree Tree, List<(int Node, int Start, int Count)> Leaves, double[] Gains) Grow(int[] rows, int[] features)
        {
            _gains = new double[_binner.Count];
            var builder = new TreeBuilder();
            if (_buffer.Length < rows.Length)
            {
                _buffer = new int[rows.Length];
                _rightBuffer = new int[rows.Length];
            }
            var rootHist = new double[_totalBins * 3];
            BuildHistogram(rows, 0, rows.Length, features, rootHist);
            var (g, h, c) = Totals(rootHist, features[0]);
            var root = new Leaf(builder.AddLeaf(LeafValue(g, h)), 0, rows.Length, 0, rootHist, g, h, c);
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
                var leftCount = Partition(rows, best.Start, best.Count, split);
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
                var left = new Leaf(leftNode, best.Start, leftCount, best.Depth + 1, leftHist, split.LeftG, split.LeftH, split.LeftC);
                var right = new Leaf(rightNode, best.Start + leftCount, rightCount, best.Depth + 1, rightHist,
                    best.G - split.LeftG, best.H - split.LeftH, best.RowCount - split.LeftC);
                FindSplit(left, features);
                FindSplit(right, features);
                leaves.Add(left);
                leaves.Add(right);
                leafCount++;
            }
            return (builder.Build(), leaves.Select(l => (l.Node, l.Start, l.Count)).ToList(), _gains);
        }

        private double LeafValue(double g, double h) => -_o.LearningRate * g / (h + _o.L2);

        private (double G, double H, double C) Totals(double[] hist, int feature)
        {
            double g = 0, h = 0, c = 0;
            for (var b = _binOffset[feature]; b < _binOffset[feature + 1]; b++)
            {
                g += hist[3 * b];
                h += hist[3 * b + 1];
                c += hist[3 * b + 2];
            }
            return (g, h, c);
        }

        /// <summary>Row-wise accumulation; large nodes in a fixed number of row chunks, each into its own histogram,
        /// summed in chunk order, so that the sums do not depend on thread timing.</summary>
        private void BuildHistogram(int[] rows, int start, int count, int[] features, double[] hist)
        {
            if (count < ParallelRowThreshold)
            {
                Accumulate(rows.AsSpan(start, count), features, hist);
                return;
            }
            Parallel.For(0, Chunks, c =>
            {
                var from = start + (int)((long)c * count / Chunks);
                var to = start + (int)((long)(c + 1) * count / Chunks);
                Array.Clear(_chunkHists[c]);
                Accumulate(rows.AsSpan(from, to - from), features, _chunkHists[c]);
            });
            for (var c = 0; c < Chunks; c++)
            {
                var part = _chunkHists[c];
                for (var i = 0; i < hist.Length; i++)
                    hist[i] += part[i];
            }
        }

        private void Accumulate(ReadOnlySpan<int> rows, int[] features, double[] hist)
        {
            var gh = _gh;
            var bins = _bins;
            var width = _width;
            var offsets = _histOffset;
            foreach (var r in rows)
            {
                var g = gh[3 * r];
                var h = gh[3 * r + 1];
                var c = gh[3 * r + 2];
                var rowStart = r * width;
                foreach (var f in features)
                {
                    var i = offsets[f] + 3 * bins[rowStart + f];
                    hist[i] += g;
                    hist[i + 1] += h;
                    hist[i + 2] += c;
                }
            }
        }

        /// <summary>Stable partition of a leaf's rows into left then right; large leaves in fixed chunks on all cores.</summary>
        private int Partition(int[] rows, int start, int count, SplitInfo split)
        {
            var chunks = count < ParallelRowThreshold ? 1 : Chunks;
            var leftCounts = new int[chunks];
            var rightCounts = new int[chunks];
            Parallel.For(0, chunks, c =>
            {
                var from = start + (int)((long)c * count / chunks);
                var to = start + (int)((long)(c + 1) * count / chunks);
                int l = from, rr = from;
                for (var i = from; i < to; i++)
                {
                    var row = rows[i];
                    if (GoesLeft(split, _bins[row * _width + split.Feature]))
                        _buffer[l++] = row;
                    else
                        _rightBuffer[rr++] = row;
                }
                leftCounts[c] = l - from;
                rightCounts[c] = rr - from;
            });
            var k = start;
            for (var c = 0; c < chunks; c++)
            {
                var from = start + (int)((long)c * count / chunks);
                Array.Copy(_buffer, from, rows, k, leftCounts[c]);
                k += leftCounts[c];
            }
            var leftTotal = k - start;
            for (var c = 0; c < chunks; c++)
            {
                var from = start + (int)((long)c * count / chunks);
                Array.Copy(_rightBuffer, from, rows, k, rightCounts[c]);
                k += rightCounts[c];
            }
            return leftTotal;
        }

        private bool GoesLeft(SplitInfo split, int bin)
        {
            if (split.Categories is { } bits)
                return (bits[bin >> 6] & (1UL << (bin & 63))) != 0;
            return bin == _binner.ValueBins[split.Feature] ? split.MissingLeft : bin <= split.Threshold;
        }

        private void FindSplit(Leaf leaf, int[] features)
        {
            leaf.Split = null;
            if ((_o.MaxDepth > 0 && leaf.Depth >= _o.MaxDepth) || leaf.RowCount < 2 * _o.MinSamplesLeaf || leaf.Count < 2)
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
                    double rg = leaf.G - lg, rh = leaf.H - lh, rc = leaf.RowCount - lc;
                    if (!Allowed(lh, lc, rh, rc))
                        continue;
                    var gain = Score(lg, lh, _o.L2) + Score(rg, rh, _o.L2) - parent;
                    if (best is null || gain > best.Gain)
                        best = new SplitInfo(f, gain, b, missingLeft, null, lg, lh, lc);
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
            double bestG = 0, bestH = 0, bestC = 0;
            for (var k = 0; k < present.Count - 1; k++)
            {
                var i = 3 * (offset + present[k].Bin);
                gl += hist[i];
                hl += hist[i + 1];
                cl += hist[i + 2];
                double rg = leaf.G - gl, rh = leaf.H - hl, rc = leaf.RowCount - cl;
                if (!Allowed(hl, cl, rh, rc))
                    continue;
                var gain = Score(gl, hl, l2) + Score(rg, rh, l2) - parent;
                if (gain > bestGain)
                {
                    bestGain = gain;
                    bestPrefix = k;
                    bestG = gl;
                    bestH = hl;
                    bestC = cl;
                }
            }
            if (bestPrefix < 0)
                return null;
            var bits = new ulong[4];
            for (var k = 0; k <= bestPrefix; k++)
                bits[present[k].Bin >> 6] |= 1UL << (present[k].Bin & 63);
            return new SplitInfo(f, bestGain, 0, false, bits, bestG, bestH, bestC);
        }
    }

    private sealed record SplitInfo(int Feature, double Gain, int Threshold, bool MissingLeft, ulong[]? Categories, double LeftG, double LeftH, double LeftC);

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
