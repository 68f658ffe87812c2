using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Core.Imports.Csv;

namespace Dashboard.Core.Imports;

/// <summary>
/// Turns an uploaded or named file into text: un-gzips a <c>.gz</c> (recognised by its bytes, not its name),
/// honours a UTF-8 or UTF-16 byte order mark, otherwise insists on UTF-8, refuses binary data with a message a
/// person can act on, and hashes the (decompressed) bytes as they stream past.
/// A gzip stream is checked as it is read: cut short before its trailer, or with a CRC or length that does not match
/// what was decompressed, it is a damaged file, refused whole; and it may not expand beyond <see cref="ImportLimits"/>.
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

    /// <summary>Bytes of content read so far: for a .gz, decompressed bytes (blank lines included).</summary>
    public long ContentBytesRead => _hashing.BytesRead;

    public long? Length => _raw.CanSeek ? _raw.Length : null;

    /// <summary>SHA-256 of every byte read so far; the content hash once the reader is at the end.</summary>
    public string ContentHash() => _hashing.Hash();

    public static ImportInput Open(Stream raw, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        var content = new ReplayStream(raw);
        var head = content.Peek(4);
        if (head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            content = new ReplayStream(new CheckedGzipStream(content, limits));
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

        var hashing = new HashingStream(content, limits.MaxExpandedBytes);
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

    /// <summary>Counts and hashes the bytes that pass through it, and refuses more than <paramref name="maxBytes"/>.</summary>
    private sealed class HashingStream(Stream inner, long maxBytes) : ReadOnlyStream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public long BytesRead { get; private set; }

        public string Hash() => Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _hash.AppendData(buffer[..n]);
            BytesRead += n;
            if (BytesRead > maxBytes)
            {
                throw new ImportRejectedException(string.Create(CultureInfo.InvariantCulture,
                    $"The file's content is larger than the limit of {Size(maxBytes)} (Uploads:MaxExpandedBytes); nothing was imported. Split the export."));
            }
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

    /// <summary>
    /// Decompresses gzip, and refuses a stream that is damaged, truncated or expands too much. .NET's
    /// <see cref="GZipStream"/> checks a member's CRC and length when its trailer is there, but a stream cut before
    /// its trailer (an interrupted download) simply ends early. So this keeps the last 8 compressed bytes and, at the
    /// end, checks them as the trailer (CRC-32 and length of everything decompressed). A file of several gzip members
    /// joined together fails that check; none of the exporters we know writes one.
    /// </summary>
    private sealed class CheckedGzipStream : ReadOnlyStream
    {
        private const string Damaged = "The file is a gzip archive that is damaged or cut short (an interrupted download or copy?)";

        private readonly TailKeepingStream _compressed;
        private readonly GZipStream _gzip;
        private readonly ImportLimits _limits;
        private readonly Crc32 _crc = new();
        private long _length;
        private bool _ended;

        public CheckedGzipStream(Stream compressed, ImportLimits limits)
        {
            _compressed = new TailKeepingStream(compressed);
            _gzip = new GZipStream(_compressed, CompressionMode.Decompress);
            _limits = limits;
        }

        public override int Read(Span<byte> buffer)
        {
            if (_ended || buffer.IsEmpty)
            {
                return 0;
            }
            int n;
            try
            {
                n = _gzip.Read(buffer);
            }
            catch (InvalidDataException)
            {
                // What .NET says on a CRC or length mismatch is "an unsupported compression method": say what it is.
                throw new ImportRejectedException($"{Damaged}: its content does not match its checksum. Nothing was imported; download or copy it again.");
            }
            if (n == 0)
            {
                _ended = true;
                CheckTrailer();
                return 0;
            }
            _crc.Append(buffer[..n]);
            _length += n;
            if (_length > _limits.RatioCheckAfterBytes && _length > (double)_limits.MaxExpansionRatio * Math.Max(1, _compressed.BytesRead))
            {
                throw new ImportRejectedException(string.Create(CultureInfo.InvariantCulture,
                    $"The gzip file expands more than {_limits.MaxExpansionRatio}-fold ({Size(_compressed.BytesRead)} became more than {Size(_length)}), which no real export does: it looks like a decompression bomb (Uploads:MaxExpansionRatio). Nothing was imported."));
            }
            return n;
        }

        private void CheckTrailer()
        {
            // Whatever follows the last member (GZipStream may stop reading at its end) is part of the file too.
            _compressed.Drain();
            var tail = _compressed.Tail;
            if (tail.Length < 8 || _compressed.BytesRead < 18)
            {
                throw new ImportRejectedException($"{Damaged}: it ends before its end marker. Nothing was imported; download or copy it again.");
            }
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(tail[4..]);
            if (crc != _crc.GetCurrentHashAsUInt32() || length != unchecked((uint)_length))
            {
                throw new ImportRejectedException(
                    $"{Damaged}: it ends before its end marker, or its checksum does not match its content. Nothing was imported; download or copy it again.");
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _gzip.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    /// <summary>Counts the bytes read through it and keeps the last 8 of them (a gzip trailer, at the end).</summary>
    private sealed class TailKeepingStream(Stream inner) : ReadOnlyStream
    {
        private readonly byte[] _tail = new byte[8];
        private int _tailLength;

        public long BytesRead { get; private set; }

        public ReadOnlySpan<byte> Tail => _tail.AsSpan(0, _tailLength);

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            Keep(buffer[..n]);
            return n;
        }

        public void Drain()
        {
            var buffer = new byte[8192];
            int n;
            while ((n = inner.Read(buffer)) > 0)
            {
                Keep(buffer.AsSpan(0, n));
            }
        }

        private void Keep(ReadOnlySpan<byte> bytes)
        {
            BytesRead += bytes.Length;
            if (bytes.Length >= 8)
            {
                bytes[^8..].CopyTo(_tail);
                _tailLength = 8;
                return;
            }
            var keep = Math.Min(_tailLength, 8 - bytes.Length);
            _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
            bytes.CopyTo(_tail.AsSpan(keep));
            _tailLength = keep + bytes.Length;
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

    private static string Size(long bytes) => Queue.UploadStaging.Size(bytes);
}
