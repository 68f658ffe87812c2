using System.Text.Json.Serialization;

namespace Dashboard.Core.Models.Learning.Linear;

/// <summary>How a linear model reads a numeric input.</summary>
public enum NumericEncoding
{
    /// <summary>One standardised column, plus a missing indicator.</summary>
    Standardised,

    /// <summary>One-hot over ten training quantile bins, plus a missing indicator: a step function of the input.</summary>
    QuantileBins,
}

/// <summary>The columns one input expands to in a linear design.</summary>
public sealed class LinearBlock
{
    public int Feature { get; init; }
    public FeatureKind Kind { get; init; }
    /// <summary>First design column of the block (column 0 of the design is the intercept).</summary>
    public int Offset { get; init; }
    public int Width { get; init; }
    public double Mean { get; init; }
    public double Scale { get; init; } = 1;
    /// <summary>Upper bin edges for <see cref="NumericEncoding.QuantileBins"/>; null for a standardised input.</summary>
    public float[]? Edges { get; init; }
}

/// <summary>
/// Expands a feature vector into a sparse linear design: the intercept, one-hot columns (one per level and one for
/// missing) for categoricals, and a standardised column or quantile-bin one-hot for numerics, each with a missing indicator.
/// </summary>
public sealed class LinearDesign
{
    [JsonConstructor]
    public LinearDesign(IReadOnlyList<LinearBlock> blocks, int width)
    {
        Blocks = blocks;
        Width = width;
    }

    public IReadOnlyList<LinearBlock> Blocks { get; }

    /// <summary>Number of design columns including the intercept.</summary>
    public int Width { get; }

    /// <summary>Non-zeros a row can have at most (intercept included).</summary>
    [JsonIgnore]
    public int MaxNonZeros => Blocks.Count + 1;

    public static LinearDesign Fit(FeatureMatrix x, NumericEncoding encoding)
    {
        var blocks = new List<LinearBlock>();
        var offset = 1;
        for (var f = 0; f < x.Columns; f++)
        {
            var info = x.Schema.Features[f];
            if (info.Kind == FeatureKind.Categorical)
            {
                blocks.Add(new LinearBlock { Feature = f, Kind = info.Kind, Offset = offset, Width = info.LevelCount + 1 });
                offset += info.LevelCount + 1;
                continue;
            }
            var values = new List<float>(x.Rows);
            for (var r = 0; r < x.Rows; r++)
            {
                var v = x[r, f];
                if (!float.IsNaN(v))
                    values.Add(v);
            }
            if (encoding == NumericEncoding.QuantileBins)
            {
                values.Sort();
                var edges = new SortedSet<float>();
                for (var q = 1; q < 10; q++)
                {
                    if (values.Count > 0)
                        edges.Add(values[(int)((long)q * (values.Count - 1) / 10)]);
                }
                var edgeArray = edges.ToArray();
                blocks.Add(new LinearBlock { Feature = f, Kind = info.Kind, Offset = offset, Width = edgeArray.Length + 2, Edges = edgeArray });
                offset += edgeArray.Length + 2;
            }
            else
            {
                double mean = 0, m2 = 0;
                for (var i = 0; i < values.Count; i++)
                {
                    var d = values[i] - mean;
                    mean += d / (i + 1);
                    m2 += d * (values[i] - mean);
                }
                var sd = values.Count > 1 ? Math.Sqrt(m2 / values.Count) : 0;
                blocks.Add(new LinearBlock { Feature = f, Kind = info.Kind, Offset = offset, Width = 2, Mean = mean, Scale = sd > 1e-12 ? sd : 1 });
                offset += 2;
            }
        }
        return new LinearDesign(blocks, offset);
    }

    /// <summary>Writes the row's non-zero design entries (intercept first); returns how many.</summary>
    public int Encode(ReadOnlySpan<float> x, Span<int> columns, Span<double> values)
    {
        columns[0] = 0;
        values[0] = 1;
        var k = 1;
        foreach (var block in Blocks)
        {
            var v = x[block.Feature];
            if (block.Kind == FeatureKind.Categorical)
            {
                var level = float.IsNaN(v) || v < 0 || v >= block.Width - 1 ? block.Width - 1 : (int)v;
                columns[k] = block.Offset + level;
                values[k++] = 1;
            }
            else if (float.IsNaN(v))
            {
                columns[k] = block.Offset + block.Width - 1;
                values[k++] = 1;
            }
            else if (block.Edges is { } edges)
            {
                var bin = 0;
                while (bin < edges.Length && v > edges[bin])
                    bin++;
                columns[k] = block.Offset + bin;
                values[k++] = 1;
            }
            else
            {
                columns[k] = block.Offset;
                values[k++] = (v - block.Mean) / block.Scale;
            }
        }
        return k;
    }

    /// <summary>The whole matrix as compressed sparse rows.</summary>
    internal SparseRows EncodeAll(FeatureMatrix x)
    {
        var nnz = MaxNonZeros;
        var starts = new int[x.Rows + 1];
        var columns = new int[x.Rows * nnz];
        var values = new double[x.Rows * nnz];
        var k = 0;
        for (var r = 0; r < x.Rows; r++)
        {
            starts[r] = k;
            k += Encode(x.Row(r), columns.AsSpan(k, nnz), values.AsSpan(k, nnz));
        }
        starts[x.Rows] = k;
        return new SparseRows(starts, columns, values, Width);
    }
}

internal sealed record SparseRows(int[] Starts, int[] Columns, double[] Values, int Width)
{
    public int Rows => Starts.Length - 1;

    public double Dot(int row, double[] theta)
    {
        double s = 0;
        for (var k = Starts[row]; k < Starts[row + 1]; k++)
            s += Values[k] * theta[Columns[k]];
        return s;
    }

    /// <summary>Adds w·x·xᵀ (upper triangle) and g·x for the rows in <paramref name="rows"/> to the accumulators.</summary>
    public void Accumulate(ReadOnlySpan<int> rows, Func<int, (double Weight, double G)> weightAndG, double[] gram, double[] rhs)
    {
        var p = Width;
        foreach (var r in rows)
        {
            var (w, z) = weightAndG(r);
            var start = Starts[r];
            var end = Starts[r + 1];
            for (var a = start; a < end; a++)
            {
                var ca = Columns[a];
                var va = Values[a] * w;
                rhs[ca] += Values[a] * z;
                var rowOffset = ca * p;
                for (var b = start; b < end; b++)
                {
                    var cb = Columns[b];
                    if (cb >= ca)
                        gram[rowOffset + cb] += va * Values[b];
                }
            }
        }
    }
}
