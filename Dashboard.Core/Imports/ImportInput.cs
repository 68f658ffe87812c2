using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Imports.Csv;

namespace Dashboard.Core.Imports;

/// <summary>
/// Turns an uploaded or named file into text: un-gzips a <c>.gz</c> (recognised by its bytes, not its name),
/// honours a UTF-8 or UTF-16 byte order mark, otherwise insists on UTF-8, refuses binary data with a message a
/// person can act on, and hashes the (decompressed) bytes as they stream past.
/// </summary>
internal sealed class ImportInput : IDisposable
{
    private readonly Stream _raw;
    private readonly HashingStream _hashing;

    private ImportInput(Stream raw, HashingStream hashing, CsvRecordReader csv)
    {
        _raw = raw;
        _hashing = hashing;
        Csv = csv;
    }

    public CsvRecordReader Csv { get; }

    /// <summary>Position in the file as given (compressed bytes for a .gz), for progress.</summary>
    public long BytesRead => _raw.CanSeek ? _raw.Position : _hashing.BytesRead;

    public long? Length => _raw.CanSeek ? _raw.Length : null;

    /// <summary>SHA-256 of every byte read so far; the content hash once the reader is at the end.</summary>
    public string ContentHash() => _hashing.Hash();

    public static ImportInput Open(Stream raw)
    {
        var content = new ReplayStream(raw);
        var head = content.Peek(4);
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            content = new ReplayStream(new GZipStream(content, CompressionMode.Decompress));
            try
            {
                head = content.Peek(4);
            }
            catch (InvalidDataException)
            {
                head = [];
            }
            if (head.Length == 0)
            {
                throw new ImportRejectedException("The file is a gzip archive, but a damaged or empty one: nothing could be decompressed from it.");
            }
        }

        if (head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            throw new ImportRejectedException(
                "This is a ZIP archive (an Excel .xlsx workbook is one), not a CSV file. Export the sheet as CSV (UTF-8) and upload that.");
        }

        var hashing = new HashingStream(content);
        // UTF-8 unless a byte order mark says UTF-16 or UTF-8; invalid bytes fail loudly instead of becoming '?'.
        var reader = new StreamReader(hashing, new UTF8Encoding(false, throwOnInvalidBytes: true),
            detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        return new ImportInput(raw, hashing, new CsvRecordReader(reader));
    }

    public void Dispose() => Csv.Dispose();

    /// <summary>A read-only stream whose first bytes can be looked at before they are read.</summary>
    private sealed class ReplayStream(Stream inner) : ReadOnlyStream
    {
        private byte[] _head = [];
        private int _headPosition;

        public byte[] Peek(int count)
        {
            var bytes = new byte[count];
            var n = inner.ReadAtLeast(bytes, count, throwOnEndOfStream: false);
            _head = bytes[..n];
            _headPosition = 0;
            return _head;
        }

        public override int Read(Span<byte> buffer)
        {
            if (_headPosition < _head.Length)
            {
                var n = Math.Min(buffer.Length, _head.Length - _headPosition);
                _head.AsSpan(_headPosition, n).CopyTo(buffer);
                _headPosition += n;
                return n;
            }
            return inner.Read(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    private abstract class ReadOnlyStream : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public abstract override int Read(Span<byte> buffer);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Counts and hashes the bytes that pass through it.</summary>
    private sealed class HashingStream(Stream inner) : ReadOnlyStream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long BytesRead { get; private set; }

        public string Hash() => Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _hash.AppendData(buffer[..n]);
            BytesRead += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
