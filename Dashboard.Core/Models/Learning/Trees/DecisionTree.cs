using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Learning.Trees;

/// <summary>
/// One boosted tree over binned features, stored as flat arrays. Node 0 is the root; a leaf has
/// <c>Feature = -1</c>. Every node keeps the value it would output as a leaf, which the per-path (Saabas)
/// attribution uses.
/// </summary>
public sealed class DecisionTree
{
    [JsonConstructor]
    public DecisionTree(int[] feature, int[] threshold, bool[] missingLeft, int[] categoryOffset, ulong[] categoryBits,
        int[] left, int[] right, double[] value)
    {
        Feature = feature;
        Threshold = threshold;
        MissingLeft = missingLeft;
        CategoryOffset = categoryOffset;
        CategoryBits = categoryBits;
        Left = left;
        Right = right;
        Value = value;
    }

    public int[] Feature { get; }
    /// <summary>Numeric split: bins ≤ threshold go left.</summary>
    public int[] Threshold { get; }
    /// <summary>Numeric split: where the missing bin goes.</summary>
    public bool[] MissingLeft { get; }
    /// <summary>Categorical split: index of its four-word bit set in <see cref="CategoryBits"/> (bins in the set go left); -1 for a numeric split.</summary>
    public int[] CategoryOffset { get; }
    public ulong[] CategoryBits { get; }
    public int[] Left { get; }
    public int[] Right { get; }
    public double[] Value { get; }

    [JsonIgnore]
    public int NodeCount => Feature.Length;

    public bool GoesLeft(int node, int bin, int missingBin)
    {
        var offset = CategoryOffset[node];
        if (offset >= 0)
            return (CategoryBits[offset + (bin >> 6)] & (1UL << (bin & 63))) != 0;
        return bin == missingBin ? MissingLeft[node] : bin <= Threshold[node];
    }

    public int LeafOf(ReadOnlySpan<byte> bins, int[] missingBins)
    {
        var node = 0;
        while (Feature[node] >= 0)
        {
            var f = Feature[node];
            node = GoesLeft(node, bins[f], missingBins[f]) ? Left[node] : Right[node];
        }
        return node;
    }

    /// <summary>Adds value(child) − value(parent) along the row's path to the split feature's contribution; returns the root value.</summary>
    public double Attribute(ReadOnlySpan<byte> bins, int[] missingBins, Span<double> contributions)
    {
        var node = 0;
        while (Feature[node] >= 0)
        {
            var f = Feature[node];
            var next = GoesLeft(node, bins[f], missingBins[f]) ? Left[node] : Right[node];
            contributions[f] += Value[next] - Value[node];
            node = next;
        }
        return Value[0];
    }
}

/// <summary>Growable builder for <see cref="DecisionTree"/>.</summary>
internal sealed class TreeBuilder
{
    private readonly List<int> _feature = [];
    private readonly List<int> _threshold = [];
    private readonly List<bool> _missingLeft = [];
    private readonly List<int> _categoryOffset = [];
    private readonly List<ulong> _categoryBits = [];
    private readonly List<int> _left = [];
    private readonly List<int> _right = [];
    private readonly List<double> _value = [];

    public int AddLeaf(double value)
    {
        _feature.Add(-1);
        _threshold.Add(0);
        _missingLeft.Add(false);
        _categoryOffset.Add(-1);
        _left.Add(-1);
        _right.Add(-1);
        _value.Add(value);
        return _feature.Count - 1;
    }

    public void Split(int node, int feature, int threshold, bool missingLeft, ulong[]? categories, int left, int right)
    {
        _feature[node] = feature;
        _threshold[node] = threshold;
        _missingLeft[node] = missingLeft;
        if (categories is not null)
        {
            _categoryOffset[node] = _categoryBits.Count;
            _categoryBits.AddRange(categories);
        }
        _left[node] = left;
        _right[node] = right;
    }

    public DecisionTree Build() => new(_feature.ToArray(), _threshold.ToArray(), _missingLeft.ToArray(), _categoryOffset.ToArray(),
        _categoryBits.ToArray(), _left.ToArray(), _right.ToArray(), _value.ToArray());
}
