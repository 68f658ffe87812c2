using Microsoft.Data.Analysis;

namespace Dashboard.Core.Analytics.Frames;

/// <summary>Reading a (possibly filtered) frame's columns back into arrays, for the exports.</summary>
internal static class FrameValues
{
    public static T[] ToArray<T>(DataFrameColumn column)
        where T : unmanaged
    {
        var values = new T[column.Length];
        var at = 0;
        foreach (var buffer in ((PrimitiveDataFrameColumn<T>)column).GetReadOnlyDataBuffers())
        {
            buffer.Span.CopyTo(values.AsSpan(at));
            at += buffer.Length;
        }
        return values;
    }

    public static T?[] ToNullableArray<T>(DataFrameColumn column)
        where T : unmanaged
    {
        var typed = (PrimitiveDataFrameColumn<T>)column;
        var values = new T?[typed.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = typed[i];
        }
        return values;
    }
}
