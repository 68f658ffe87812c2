namespace Dashboard.Core.Models.Features;

/// <summary>A dense, row-major matrix of feature vectors with the schema that names its columns.</summary>
public sealed class FeatureMatrix
{
    public FeatureMatrix(FeatureSchema schema, float[] values, int rows)
    {
        if (values.Length != rows * schema.Count)
            throw new ArgumentException("The value count does not match rows × columns.", nameof(values));
        Schema = schema;
        Values = values;
        Rows = rows;
    }

    public FeatureSchema Schema { get; }

    public float[] Values { get; }

    public int Rows { get; }

    public int Columns => Schema.Count;

    public ReadOnlySpan<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    public float this[int row, int column] => Values[row * Columns + column];

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public FeatureMatrix Subset(IReadOnlyList<int> indices)
    {
        var values = new float[indices.Count * Columns];
        for (var i = 0; i < indices.Count; i++)
            Row(indices[i]).CopyTo(values.AsSpan(i * Columns, Columns));
        return new FeatureMatrix(Schema, values, indices.Count);
    }

    public static double[] Subset(double[] labels, IReadOnlyList<int> indices)
    {
        var result = new double[indices.Count];
        for (var i = 0; i < indices.Count; i++)
            result[i] = labels[indices[i]];
        return result;
    }
}
