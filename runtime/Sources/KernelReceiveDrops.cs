using System.Globalization;
using System.Net.Sockets;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// Datagrams the kernel dropped at our sockets because their receive buffers were full (the host was overloaded):
/// the <c>drops</c> column of /proc/net/udp and /proc/net/udp6 for our sockets' inodes. Zero where /proc is missing.
/// </summary>
internal sealed class KernelReceiveDrops
{
    // inode -> drops last read; a closed socket keeps its last count
    private readonly Dictionary<string, long> _inodes = [];

    public void Add(Socket socket)
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            var link = new FileInfo($"/proc/self/fd/{socket.SafeHandle.DangerousGetHandle()}").LinkTarget;
            // "socket:[12345]"
            if (link is not null && link.StartsWith("socket:[", StringComparison.Ordinal))
                lock (_inodes) _inodes[link[8..^1]] = 0;
        }
        catch (IOException)
        {
            // no /proc: drops are not counted
        }
    }

    /// <summary>Drops so far (read at the latest just before the sockets close: the source reads it on stop).</summary>
    public long Total()
    {
        lock (_inodes)
        {
            if (_inodes.Count == 0) return 0;
            Read();
            return _inodes.Values.Sum();
        }
    }

    private void Read()
    {
        foreach (var table in (string[])["/proc/net/udp", "/proc/net/udp6"])
        {
            try
            {
                foreach (var line in File.ReadLines(table).Skip(1))
                {
                    var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (columns.Length > 12 && _inodes.ContainsKey(columns[9]) && long.TryParse(columns[12], NumberStyles.None, CultureInfo.InvariantCulture, out var d))
                        _inodes[columns[9]] = d;
                }
            }
            catch (IOException)
            {
                // table missing (no IPv6): nothing to add
            }
        }
    }
}
