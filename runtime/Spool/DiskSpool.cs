using System.Globalization;
using GrokFlow.Runtime.Host;
using GrokFlow.Runtime.Sink;
using Microsoft.Extensions.Logging;

namespace GrokFlow.Runtime.Spool;

/// <summary>
/// Batches the intake could not take yet, one gzip file per batch named by its sequence number (so that they go out
/// in order, also after a restart) and its event count (so that it is sent as read, without inflating it). A file is written under a temporary name and renamed when complete, and deleted
/// only once its batch was delivered (or dropped with a counted reason), so a crash loses nothing already spooled.
/// Thread-safe.
/// </summary>
internal sealed class DiskSpool
{
    private const string Extension = ".json.gz";
    private const string TemporaryExtension = ".tmp";

    private readonly object _gate = new();
    private readonly SortedDictionary<long, SpoolFile> _pending = new();   // by sequence
    private readonly Dictionary<long, SpoolFile> _reserved = new();
    private readonly string _directory;
    private readonly long _maxBytes;
    private readonly GzipCompressor _gzip;
    private readonly HostMetrics _metrics;
    private readonly ILogger _logger;
    private long _bytes;

    public DiskSpool(string directory, long maxBytes, GzipCompressor gzip, HostMetrics metrics, ILogger<DiskSpool> logger)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _gzip = gzip;
        _metrics = metrics;
        _logger = logger;
        Directory.CreateDirectory(directory);
        Recover();
    }

    public string DirectoryPath => _directory;

    /// <summary>Files waiting to be sent (not counting those being sent now).</summary>
    public int PendingCount { get { lock (_gate) return _pending.Count; } }

    /// <summary>The highest sequence number on disk, or -1: new batches are numbered after it.</summary>
    public long MaxSequence { get; private set; } = -1;

    /// <summary>True when a batch of up to <paramref name="bytes"/> (uncompressed, so an upper bound) fits under the cap.</summary>
    public bool HasRoomFor(long bytes)
    {
        lock (_gate) return _bytes + bytes <= _maxBytes;
    }

    /// <summary>Writes a batch to be sent from disk; false (nothing written) when the size cap would be exceeded or the disk fails.</summary>
    public bool TryWrite(EventBatch batch) => batch.Persist(TryWriteCopy) && Promote(batch.Sequence);

    /// <summary>
    /// Writes a copy of a batch that stays in memory and is being (or will be) sent from there: the file only matters
    /// after a crash, and is deleted when the batch is delivered. False when the cap would be exceeded or the disk fails.
    /// </summary>
    public bool TryWriteCopy(EventBatch batch)
    {
        if (!TryWriteFile(batch, out var size)) return false;
        lock (_gate) _reserved[batch.Sequence] = new SpoolFile(size, batch.Count);
        return true;
    }

    // A copy written earlier now has to be sent from disk (the memory batch is being given up).
    private bool Promote(long sequence)
    {
        lock (_gate)
        {
            if (!_reserved.Remove(sequence, out var file)) return _pending.ContainsKey(sequence);
            _pending[sequence] = file;
            return true;
        }
    }

    private bool TryWriteFile(EventBatch batch, out long size)
    {
        var compressed = batch.Compressed(_gzip);   // owned by the batch (and reused for sending)
        size = compressed.Length;
        lock (_gate)
        {
            if (_bytes + size > _maxBytes) return false;
            _bytes += size;
        }
        var path = PathOf(batch.Sequence, batch.Count);
        try
        {
            var temporary = path + TemporaryExtension;
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
                file.Write(compressed.Buffer, 0, (int)size);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_gate) _bytes -= size;
            _logger.LogError(e, "Spool: cannot write {Path}", path);
            return false;
        }
        lock (_gate) MaxSequence = Math.Max(MaxSequence, batch.Sequence);
        _metrics.SpoolChanged(size, 1);
        return true;
    }

    /// <summary>Takes the oldest waiting file for sending; it stays on disk until <see cref="Delete"/>.</summary>
    public bool TryReserveOldest(out long sequence)
    {
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                sequence = -1;
                return false;
            }
            var (first, file) = _pending.First();
            _pending.Remove(first);
            _reserved[first] = file;
            sequence = first;
            return true;
        }
    }

    /// <summary>A reserved file waits again, in its place by sequence.</summary>
    public void Unreserve(long sequence)
    {
        lock (_gate)
            if (_reserved.Remove(sequence, out var file)) _pending[sequence] = file;
    }

    /// <summary>
    /// Reads a reserved file back as a batch; null (file deleted, counted) when it is damaged. A file whose name records
    /// its event count is not inflated here (see <see cref="EventBatch.FromSpoolFile"/>); an older file is checked whole.
    /// </summary>
    public EventBatch? Read(long sequence)
    {
        SpoolFile entry;
        lock (_gate) entry = _reserved.GetValueOrDefault(sequence, new SpoolFile(0, SpoolFile.CountUnknown));
        var path = PathOf(sequence, entry.Count);
        byte[]? buffer = null;
        try
        {
            // The file is the gzip body the intake takes: kept as read, so the batch is not compressed again.
            var body = new PooledBufferStream((int)Math.Clamp(entry.Size, 4096, 64L * 1024 * 1024));
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
                file.CopyTo(body);
            if (entry.Count != SpoolFile.CountUnknown && IsGzip(body)) return EventBatch.FromSpoolFile(body, sequence, entry.Count);
            buffer = GzipCodec.Decompress(new MemoryStream(body.Buffer, 0, (int)body.Length, writable: false), out var length);
            var batch = EventBatch.FromJsonArray(buffer, length, sequence, body);
            if (batch is not null) return batch;
            body.Dispose();
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            _logger.LogError(e, "Spool: cannot read {Path}", path);
        }
        if (buffer is not null) System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        _logger.LogError("Spool: {Path} is damaged; it is dropped (counted as spool_corrupt)", path);
        _metrics.Drop(DropReason.SpoolCorrupt, Math.Max(1, entry.Count));
        Delete(sequence);
        return null;
    }

    /// <summary>Removes a delivered (or deliberately dropped) batch's file.</summary>
    public void Delete(long sequence)
    {
        SpoolFile file;
        lock (_gate)
        {
            if (!_reserved.Remove(sequence, out file) && !_pending.Remove(sequence, out file)) return;
            _bytes -= file.Size;
        }
        _metrics.SpoolChanged(-file.Size, -1);
        var path = PathOf(sequence, file.Count);
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            _logger.LogError(e, "Spool: cannot delete {Path}; it may be sent again after a restart", path);
        }
    }

    private void Recover()
    {
        foreach (var temporary in Directory.EnumerateFiles(_directory, "*" + Extension + TemporaryExtension))
            File.Delete(temporary);   // a write cut short by a crash; its batch was still in memory, never acknowledged
        foreach (var path in Directory.EnumerateFiles(_directory, "*" + Extension))
        {
            if (!TryParseName(Path.GetFileName(path)[..^Extension.Length], out var sequence, out var count)) continue;
            var size = new FileInfo(path).Length;
            _pending[sequence] = new SpoolFile(size, count);
            _bytes += size;
            MaxSequence = Math.Max(MaxSequence, sequence);
        }
        _metrics.SpoolChanged(_bytes, _pending.Count);
        if (_pending.Count > 0)
            _logger.LogInformation("Spool: {Count} batches ({Bytes} bytes) from before the restart in {Directory} will be sent first",
                _pending.Count, _bytes, _directory);
    }

    // "<sequence>-<events>.json.gz"; files written before the count was recorded are "<sequence>.json.gz".
    private string PathOf(long sequence, int count) => Path.Combine(_directory,
        sequence.ToString("D19", CultureInfo.InvariantCulture) + (count == SpoolFile.CountUnknown ? "" : "-" + count.ToString(CultureInfo.InvariantCulture)) + Extension);

    private static bool TryParseName(string name, out long sequence, out int count)
    {
        var dash = name.IndexOf('-');
        count = SpoolFile.CountUnknown;
        return long.TryParse(dash < 0 ? name : name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
               && (dash < 0 || int.TryParse(name[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out count));
    }

    private static bool IsGzip(PooledBufferStream body) => body.Length >= 18 && body.Buffer[0] == 0x1F && body.Buffer[1] == 0x8B;

    private readonly record struct SpoolFile(long Size, int Count)
    {
        public const int CountUnknown = -1;
    }
}
