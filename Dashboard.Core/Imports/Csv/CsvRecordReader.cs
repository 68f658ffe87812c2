using System.Buffers;

namespace Dashboard.Core.Imports.Csv;

/// <summary>
/// A streaming RFC 4180 reader: fields separated by a delimiter, records by LF or CRLF, quoted fields may hold
/// delimiters, line breaks and doubled quotes. It keeps one record in memory at a time, so memory does not grow
/// with the file. Lenient where a reader can be (a stray quote inside an unquoted field is text), strict where
/// guessing would corrupt data (a quote that never closes fails the file, naming the line it opened on).
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    /// <summary>A record longer than this (in characters) fails the file: it is not a CSV of ours.</summary>
    public const int MaxRecordLength = 16 * 1024 * 1024;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly SearchValues<char> _specials;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _bufferLength;
    private int _position;
    private bool _endOfInput;

    private char[] _record = new char[4096];
    private int _recordLength;
    private int[] _fieldEnds = new int[64];
    private int _fieldCount;
    private long _nextLine = 1;

    public CsvRecordReader(TextReader reader, char delimiter = ',')
    {
        _reader = reader;
        _delimiter = delimiter;
        _specials = SearchValues.Create([delimiter, '"', '\r', '\n']);
    }

    /// <summary>Number of fields in the current record.</summary>
    public int FieldCount => _fieldCount;

    /// <summary>The physical line (1-based) on which the current record starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Records read so far, the header included.</summary>
    public long RecordNumber { get; private set; }

    /// <summary>Characters consumed so far (for progress).</summary>
    public long CharactersRead { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_fieldCount, nameof(index));
            var start = index == 0 ? 0 : _fieldEnds[index - 1];
            return _record.AsSpan(start, _fieldEnds[index] - start);
        }
    }

    public string GetString(int index) => new(this[index]);

    /// <summary>
    /// Whether the current record ended with a line break. Only the last record of a file can end without one: a file
    /// cut short (an interrupted download) ends that way, in the middle of a row.
    /// </summary>
    public bool EndsWithLineBreak { get; private set; }

    /// <summary>The current record's characters, all fields together (no quotes or delimiters).</summary>
    public int RecordLength => _recordLength;

    /// <summary>The first field of the current record that holds <paramref name="c"/>; -1 when none does (one scan of the record).</summary>
    public int FieldHolding(char c)
    {
        var at = _record.AsSpan(0, _recordLength).IndexOf(c);
        if (at < 0)
        {
            return -1;
        }
        var field = 0;
        while (_fieldEnds[field] <= at)
        {
            field++;
        }
        return field;
    }

    /// <summary>Reads the next record; false at the end of the input. A blank line is a record of one empty field.</summary>
    public bool Read()
    {
        _recordLength = 0;
        _fieldCount = 0;
        EndsWithLineBreak = false;
        LineNumber = _nextLine;
        if (!EnsureData())
        {
            return false;
        }

        while (true)
        {
            // Start of a field.
            if (!EnsureData())
            {
                EndField();
                break;
            }
            if (_buffer[_position] == '"')
            {
                _position++;
                ReadQuotedRest();
            }
            if (ReadUnquotedRest())
            {
                break;
            }
        }

        RecordNumber++;
        return true;
    }

    /// <summary>Reads field text up to a delimiter (false: another field follows) or a record end (true).</summary>
    private bool ReadUnquotedRest()
    {
        while (true)
        {
            if (!EnsureData())
            {
                EndField();
                return true;
            }
            var span = _buffer.AsSpan(_position, _bufferLength - _position);
            var at = span.IndexOfAny(_specials);
            if (at < 0)
            {
                Append(span);
                Advance(span.Length);
                continue;
            }
            Append(span[..at]);
            Advance(at);
            var c = _buffer[_position];
            Advance(1);
            if (c == _delimiter)
            {
                EndField();
                return false;
            }
            if (c == '"')
            {
                // A quote inside an unquoted field is text.
                Append(['"']);
                continue;
            }
            if (c == '\r')
            {
                if (EnsureData() && _buffer[_position] == '\n')
                {
                    Advance(1);
                }
            }
            _nextLine++;
            EndsWithLineBreak = true;
            EndField();
            return true;
        }
    }

    private void ReadQuotedRest()
    {
        var openedOn = _nextLine;
        while (true)
        {
            if (!EnsureData())
            {
                throw new CsvFormatException(
                    $"A quoted field that opens on line {openedOn} is never closed: the file ends inside it.", openedOn);
            }
            var span = _buffer.AsSpan(_position, _bufferLength - _position);
            var at = span.IndexOf('"');
            var chunk = at < 0 ? span : span[..at];
            foreach (var ch in chunk)
            {
                if (ch == '\n')
                {
                    _nextLine++;
                }
            }
            Append(chunk);
            Advance(chunk.Length);
            if (at < 0)
            {
                continue;
            }
            Advance(1); // the quote
            if (EnsureData() && _buffer[_position] == '"')
            {
                Append(['"']);
                Advance(1);
                continue;
            }
            return; // closed; what follows up to the delimiter is read as unquoted text
        }
    }

    private void Advance(int count)
    {
        _position += count;
        CharactersRead += count;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        var needed = _recordLength + text.Length;
        if (needed > _record.Length)
        {
            if (needed > MaxRecordLength)
            {
                throw new CsvFormatException(
                    $"The row that starts on line {LineNumber} is longer than {MaxRecordLength / (1024 * 1024)} million characters; this does not look like a CSV export.", LineNumber);
            }
            Array.Resize(ref _record, Math.Min(MaxRecordLength, Math.Max(needed, _record.Length * 2)));
        }
        text.CopyTo(_record.AsSpan(_recordLength));
        _recordLength = needed;
    }

    private void EndField()
    {
        if (_fieldCount == _fieldEnds.Length)
        {
            Array.Resize(ref _fieldEnds, _fieldEnds.Length * 2);
        }
        _fieldEnds[_fieldCount++] = _recordLength;
    }

    private bool EnsureData()
    {
        if (_position < _bufferLength)
        {
            return true;
        }
        if (_endOfInput)
        {
            return false;
        }
        _bufferLength = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (_bufferLength == 0)
        {
            _endOfInput = true;
            return false;
        }
        return true;
    }

    public void Dispose() => _reader.Dispose();
}
