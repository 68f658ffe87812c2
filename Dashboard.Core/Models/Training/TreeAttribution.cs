using Microsoft.ML.Trainers.FastTree;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// Saabas path attribution over ML.NET's own trees (<see cref="TreeEnsemble{T}"/>): along the path of a row, each split moves
/// the expected value of the node to that of the child, and that move is credited to the split's feature. Base + Σ credits is
/// exactly the ensemble's score. Ours because ML.NET's CalculateFeatureContribution for trees measures the other branch and does
/// not add up to the score.
/// </summary>
internal sealed class TreeAttribution
{
    private readonly RegressionTree[] _trees;
    private readonly double[] _weights;
    private readonly double[][] _nodeValues;
    private readonly double _base;

    public TreeAttribution(TreeEnsemble<RegressionTree> ensemble, double[][] nodeValues)
    {
        _trees = [.. ensemble.Trees];
        _weights = [.. ensemble.TreeWeights];
        if (nodeValues.Length != _trees.Length)
            throw new InvalidDataException("The stored node values do not match the model's trees.");
        _nodeValues = nodeValues;
        _base = ensemble.Bias;
        for (var t = 0; t < _trees.Length; t++)
            _base += _weights[t] * (_trees[t].NumberOfNodes == 0 ? _trees[t].LeafValues[0] : nodeValues[t][0]);
    }

    public double Explain(float[] features, double[] slots)
    {
        for (var t = 0; t < _trees.Length; t++)
        {
            var tree = _trees[t];
            if (tree.NumberOfNodes == 0)
                continue;
            var values = _nodeValues[t];
            var node = 0;
            var current = values[0];
            while (true)
            {
                var (child, feature) = Step(tree, node, features);
                var next = child < 0 ? tree.LeafValues[~child] : values[child];
                slots[feature] += _weights[t] * (next - current);
                current = next;
                if (child < 0)
                    break;
                node = child;
            }
        }
        return _base;
    }

    /// <summary>The child a row goes to from <paramref name="node"/>, and the slot the split is credited to. A numeric split sends a
    /// value above its threshold right. A categorical split (LightGbm's, over one input's one-hot slots) sends the row right when
    /// any of the slots it lists is set, as ML.NET's own tree does, and is credited to the first slot of that input.</summary>
    private static (int Child, int Slot) Step(RegressionTree tree, int node, float[] x)
    {
        if (!tree.CategoricalSplitFlags[node])
        {
            var feature = tree.NumericalSplitFeatureIndexes[node];
            return (x[feature] <= tree.NumericalSplitThresholds[node] ? tree.LeftChild[node] : tree.RightChild[node], feature);
        }
        var right = false;
        foreach (var slot in tree.GetCategoricalSplitFeaturesAt(node))
        {
            if (x[slot] > 0)
            {
                right = true;
                break;
            }
        }
        return (right ? tree.RightChild[node] : tree.LeftChild[node], tree.GetCategoricalCategoricalSplitFeatureRangeAt(node)[0]);
    }

    /// <summary>The expected value of every internal node: the leaf values under it, weighted by how many of <paramref name="rows"/>
    /// reach each leaf (an unvisited subtree counts its leaves equally).</summary>
    public static double[][] NodeValues(TreeEnsemble<RegressionTree> ensemble, IReadOnlyList<float[]> rows)
    {
        var result = new double[ensemble.Trees.Count][];
        for (var t = 0; t < ensemble.Trees.Count; t++)
        {
            var tree = ensemble.Trees[t];
            var counts = new double[tree.NumberOfLeaves];
            if (tree.NumberOfNodes > 0)
            {
                foreach (var x in rows)
                {
                    var node = 0;
                    while (node >= 0)
                        node = Step(tree, node, x).Child;
                    counts[~node]++;
                }
            }
            var values = new double[tree.NumberOfNodes];
            (double Sum, double Count, double Plain, int Leaves) Visit(int node)
            {
                if (node < 0)
                    return (counts[~node] * tree.LeafValues[~node], counts[~node], tree.LeafValues[~node], 1);
                var l = Visit(tree.LeftChild[node]);
                var r = Visit(tree.RightChild[node]);
                var total = (l.Sum + r.Sum, l.Count + r.Count, l.Plain + r.Plain, l.Leaves + r.Leaves);
                values[node] = total.Item2 > 0 ? total.Item1 / total.Item2 : total.Item3 / total.Item4;
                return total;
            }
            if (tree.NumberOfNodes > 0)
                Visit(0);
            result[t] = values;
        }
        return result;
    }
}
