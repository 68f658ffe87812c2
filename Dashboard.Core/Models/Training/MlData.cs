using Microsoft.ML;
using Microsoft.ML.Data;

namespace Dashboard.Core.Models.Training;

/// <summary>
/// The rows of one training or scoring run as ML.NET reads them, held column by column: the label, one key array per categorical
/// feature and the numeric block (row-major, <see cref="MlLayout.NumericWidth"/> a row). Its schema is <see cref="MlLayout.InputSchema"/>;
/// a single request is a view of one row. Our own view rather than a Microsoft.Data.Analysis
/// DataFrame, whose columns have no key type and whose vector column has no known length (decision 0024).
/// It knows its row count and hands out one cursor in row order; the trainers cache it (<c>ml.Data.Cache</c>) before they shuffle.
/// </summary>
internal sealed class MlData(MlLayout layout, float[] labels, uint[][] keys, float[] numeric) : IDataView
{
    private readonly MlLayout _layout = layout;
    private readonly float[] _labels = labels;
    private readonly uint[][] _keys = keys;
    private readonly float[] _numeric = numeric;

    /// <summary>Overwrites the values with those of <paramref name="other"/> (same layout and row count): a reusable one-row view.</summary>
    public void CopyFrom(MlData other)
    {
        other._labels.CopyTo(_labels, 0);
        for (var k = 0; k < _keys.Length; k++)
            other._keys[k].CopyTo(_keys[k], 0);
        other._numeric.CopyTo(_numeric, 0);
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _layout.InputSchema;

    public long? GetRowCount() => _labels.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(MlData data) : DataViewRowCursor
    {
        private long _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => data.Schema;

        public override bool MoveNext()
        {
            if (_position + 1 >= data._labels.Length)
            {
                _position = data._labels.Length;
                return false;
            }
            _position++;
            return true;
        }

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId value) => value = new DataViewRowId((ulong)_position, 0);

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            Delegate getter = data._layout.ColumnRole(column.Index) switch
            {
                (MlColumn.Label, _) => (ValueGetter<float>)((ref float value) => value = data._labels[_position]),
                (MlColumn.Positive, _) => (ValueGetter<bool>)((ref bool value) => value = data._labels[_position] > 0.5f),
                (MlColumn.Key, var k) => (ValueGetter<uint>)((ref uint value) => value = data._keys[k][_position]),
                _ => (ValueGetter<VBuffer<float>>)NumericGetter,
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column {column.Name} is {column.Type}, not {typeof(TValue).Name}.");
        }

        private void NumericGetter(ref VBuffer<float> value)
        {
            var width = data._layout.NumericWidth;
            var editor = VBufferEditor.Create(ref value, width);
            data._numeric.AsSpan((int)_position * width, width).CopyTo(editor.Values);
            value = editor.Commit();
        }
    }
}
