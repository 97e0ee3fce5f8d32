using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static GrokFlow.Runtime.Sources.LinuxMessageHeaders;

namespace GrokFlow.Runtime.Host.Bench;

/// <summary>
/// Up to N datagrams in pinned buffers, sent with one sendmmsg(2) system call on Linux (one Send per datagram
/// elsewhere). A datagram the kernel refuses (an ICMP error from an earlier one, a full queue) counts as sent: the
/// intake will miss it and report it lost.
/// </summary>
internal sealed unsafe class SendBatch : IDisposable
{
    private const int MaxDatagram = 65535;
    private readonly byte[][] _buffers;
    private readonly int[] _lengths;
    private readonly IoVec* _iov;
    private readonly MMsgHdr* _messages;
    private int _count;

    public SendBatch(int capacity)
    {
        _buffers = Enumerable.Range(0, capacity).Select(_ => GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true)).ToArray();
        _lengths = new int[capacity];
        _iov = (IoVec*)NativeMemory.AllocZeroed((nuint)(capacity * sizeof(IoVec)));
        _messages = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(capacity * sizeof(MMsgHdr)));
    }

    public void Clear() => _count = 0;

    /// <summary>Adds a copy of <paramref name="datagram"/>; returns the copy to stamp.</summary>
    public Span<byte> Add(ReadOnlySpan<byte> datagram)
    {
        datagram.CopyTo(_buffers[_count]);
        _lengths[_count] = datagram.Length;
        return _buffers[_count++].AsSpan(0, datagram.Length);
    }

    public void Send(Socket connected)
    {
        if (!OperatingSystem.IsLinux())
        {
            for (var i = 0; i < _count; i++) SendOne(connected, i);
            return;
        }
        for (var i = 0; i < _count; i++)
        {
            _iov[i] = new IoVec { Base = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_buffers[i])), Length = (nuint)_lengths[i] };
            _messages[i] = new MMsgHdr { Header = new MsgHdr { Iov = (nint)(_iov + i), IovLength = 1 } };
        }
        var fd = (int)connected.SafeHandle.DangerousGetHandle();
        var done = 0;
        while (done < _count)
        {
            var sent = SendMmsg(fd, _messages + done, (uint)(_count - done), 0);
            if (sent > 0) done += sent;
            else done++;   // refused: skip it (counted as sent, so lost)
        }
    }

    private void SendOne(Socket socket, int i)
    {
        try
        {
            socket.Send(_buffers[i], 0, _lengths[i], SocketFlags.None);
        }
        catch (SocketException)
        {
            // counted as sent: the intake will miss it
        }
    }

    public void Dispose()
    {
        NativeMemory.Free(_iov);
        NativeMemory.Free(_messages);
    }
}
