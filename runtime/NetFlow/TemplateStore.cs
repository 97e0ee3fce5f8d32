using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GrokFlow.Runtime.NetFlow;

/// <summary>
/// v9/IPFIX templates kept on disk across restarts, keyed per exporter stream (address, IPFIX transport port,
/// version, source ID / observation domain) and template ID. Collectors record what they learn and withdraw; the
/// file is rewritten (to a temporary file, then renamed) a moment after a change and on <see cref="Save"/> (host stop).
/// A collector that meets data for a template it does not hold asks the store, so after a restart data-only
/// datagrams decode at once; a template the exporter then withdraws or redefines replaces the stored one. A file
/// that cannot be read is logged, moved aside and ignored. Thread-safe: one store serves every collector.
/// </summary>
public sealed class TemplateStore : IDisposable
{
    private const string Format = "grokflow-netflow-templates/1";

    private readonly string _path;
    private readonly ILogger _logger;
    private readonly int _maxTemplates;
    private readonly Dictionary<(StreamKey Stream, ushort Id), StoredTemplate> _templates = new();
    private readonly Lock _gate = new();
    private readonly Lock _saveGate = new();   // one writer of the file at a time (timer and stop may meet)
    private readonly ITimer? _writeTimer;
    private readonly TimeSpan _writeDelay;
    private bool _dirty, _writeScheduled, _writeNow;
    private long _refused;

    /// <param name="writeDelay">How long after a change the file is rewritten (changes within it are written together); zero writes at once.</param>
    public TemplateStore(string path, ILogger? logger = null, TimeSpan? writeDelay = null, int maxTemplates = 65536, TimeProvider? clock = null)
    {
        _path = Path.GetFullPath(path);
        _logger = logger ?? NullLogger.Instance;
        _maxTemplates = maxTemplates;
        _writeDelay = writeDelay ?? TimeSpan.FromSeconds(1);
        if (_writeDelay > TimeSpan.Zero)
            _writeTimer = (clock ?? TimeProvider.System).CreateTimer(_ => Save(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Load();
    }

    /// <summary>Templates held now.</summary>
    public int Count
    {
        get { lock (_gate) return _templates.Count; }
    }

    /// <summary>Templates read from the file at start.</summary>
    public int Loaded { get; private set; }

    /// <summary>Whether the file at start could not be read (and was moved aside).</summary>
    public bool WasCorrupt { get; private set; }

    /// <summary>Templates not stored because the store was full.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    internal bool TryGet(in StreamKey stream, ushort id, out StoredTemplate template)
    {
        lock (_gate) return _templates.TryGetValue((stream, id), out template);
    }

    internal void Put(in StreamKey stream, ushort id, bool options, ReadOnlySpan<byte> definition)
    {
        lock (_gate)
        {
            if (_templates.TryGetValue((stream, id), out var known) && known.Options == options && known.Definition.AsSpan().SequenceEqual(definition)) return;
            if (known.Definition is null && _templates.Count >= _maxTemplates)
            {
                _refused++;
                return;
            }
            _templates[(stream, id)] = new StoredTemplate(options, definition.ToArray());
            Changed();
        }
        WriteIfImmediate();
    }

    internal void Remove(in StreamKey stream, ushort id)
    {
        lock (_gate)
            if (_templates.Remove((stream, id))) Changed();
        WriteIfImmediate();
    }

    internal void RemoveAll(StreamKey stream, bool options)
    {
        lock (_gate)
        {
            var removed = 0;
            foreach (var key in _templates.Where(t => t.Key.Stream == stream && t.Value.Options == options).Select(t => t.Key).ToList())
                removed += _templates.Remove(key) ? 1 : 0;
            if (removed > 0) Changed();
        }
        WriteIfImmediate();
    }

    private void WriteIfImmediate()
    {
        bool now;
        lock (_gate)
        {
            now = _writeNow;
            _writeNow = false;
        }
        if (now) Save();
    }

    /// <summary>Writes the file if anything changed since it was last written (on stop, and by the write timer).</summary>
    public void Save()
    {
        lock (_saveGate) SaveSerialized();
    }

    private void SaveSerialized()
    {
        List<KeyValuePair<(StreamKey Stream, ushort Id), StoredTemplate>> snapshot;
        lock (_gate)
        {
            _writeScheduled = false;
            if (!_dirty) return;
            _dirty = false;
            snapshot = [.. _templates];
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            var temporary = _path + ".tmp";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            using (var writer = new Utf8JsonWriter(file))
            {
                writer.WriteStartObject();
                writer.WriteString("format", Format);
                writer.WriteStartArray("templates");
                foreach (var ((stream, id), template) in snapshot)
                {
                    writer.WriteStartObject();
                    writer.WriteString("exporter", AddressText(stream.Address));
                    writer.WriteNumber("port", stream.Port);
                    writer.WriteNumber("version", stream.Version);
                    writer.WriteNumber("domain", stream.Domain);
                    writer.WriteNumber("id", id);
                    writer.WriteBoolean("options", template.Options);
                    writer.WriteBase64String("definition", template.Definition);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lock (_gate) _dirty = true;
            _logger.LogWarning("NetFlow template cache {Path} could not be written: {Error}", _path, e.Message);
        }
    }

    public void Dispose()
    {
        _writeTimer?.Dispose();
        Save();
    }

    private void Changed()
    {
        _dirty = true;
        if (_writeTimer is null)
        {
            _writeNow = true;   // written by the caller once the gate is released
            return;
        }
        if (_writeScheduled) return;
        _writeScheduled = true;
        _writeTimer.Change(_writeDelay, Timeout.InfiniteTimeSpan);
    }

    private void Load()
    {
        if (!File.Exists(_path)) return;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(_path));
            var root = document.RootElement;
            if (root.GetProperty("format").GetString() != Format) throw new FormatException($"format is not {Format}");
            foreach (var t in root.GetProperty("templates").EnumerateArray())
            {
                var address = IPAddress.Parse(t.GetProperty("exporter").GetString()!);
                var stream = new StreamKey(ExporterState.KeyOf(address), t.GetProperty("port").GetUInt16(), t.GetProperty("version").GetUInt16(), t.GetProperty("domain").GetUInt32());
                if (stream.Version is not (9 or 10)) throw new FormatException($"version {stream.Version} has no templates");
                var definition = t.GetProperty("definition").GetBytesFromBase64();
                var id = t.GetProperty("id").GetUInt16();
                if (id < 256 || definition.Length < 4 || BinaryPrimitives.ReadUInt16BigEndian(definition) != id)
                    throw new FormatException($"template {id} of {address} has a definition that does not match it");
                _templates[(stream, id)] = new StoredTemplate(t.GetProperty("options").GetBoolean(), definition);
            }
            Loaded = _templates.Count;
            _logger.LogInformation("NetFlow template cache {Path}: {Count} templates loaded", _path, Loaded);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or OverflowException or IOException)
        {
            _templates.Clear();
            WasCorrupt = true;
            var aside = $"{_path}.corrupt-{DateTime.UtcNow:yyyyMMddTHHmmssfff}";
            try
            {
                File.Move(_path, aside);
                _logger.LogWarning("NetFlow template cache {Path} could not be read ({Error}); moved aside to {Aside} and ignored", _path, e.Message, aside);
            }
            catch (Exception move) when (move is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning("NetFlow template cache {Path} could not be read ({Error}) nor moved aside ({MoveError}); ignored", _path, e.Message, move.Message);
            }
        }
    }

    private static string AddressText(UInt128 key)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, key);
        var address = new IPAddress(bytes);
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}

internal readonly record struct StoredTemplate(bool Options, byte[] Definition);
