using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static GrokFlow.Runtime.Sources.LinuxMessageHeaders;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// Takes datagrams from one UDP socket in batches. On Linux one <c>recvmmsg(2)</c> call returns every datagram
/// waiting, up to <see cref="Capacity"/> (blocking until the first arrives): under load one system call serves many
/// datagrams instead of one each. Elsewhere (or if the call is missing) one <c>ReceiveFrom</c> per batch. Owned by
/// one receive thread; the datagrams and sender addresses stay valid until the next <see cref="Receive"/>.
/// </summary>
internal sealed unsafe class DatagramReceiver : IDisposable
{
    /// <summary>Datagrams per system call: enough to amortise the call, small enough that a batch is a few hundred µs of work.</summary>
    public const int Capacity = 32;
    private const int MaxDatagram = 65535;
    /// <summary>
    /// Distance between two datagram slots: a 64 KiB stride would put every slot's first bytes in the same cache sets,
    /// so a batch of small datagrams would evict itself while the kernel copies it in and the handler reads it; one
    /// cache line more per slot spreads them over different sets.
    /// </summary>
    private const int SlotStride = 65536 + 64;
    private const int AddressBytes = 128;   // sizeof(struct sockaddr_storage)
    private static readonly TimeSpan WakeInterval = TimeSpan.FromMilliseconds(200);

    private readonly Socket _socket;
    private readonly byte[] _data;      // Capacity slots of MaxDatagram bytes, SlotStride apart, pinned
    private readonly byte[] _names;     // Capacity sockaddr_storage slots, pinned
    private readonly int[] _lengths = new int[Capacity];
    private readonly int[] _nameLengths = new int[Capacity];
    private readonly IoVec* _iov;
    private readonly MMsgHdr* _messages;
    private readonly SocketAddress _address;
    private bool _batched = OperatingSystem.IsLinux();

    public DatagramReceiver(Socket socket)
    {
        _socket = socket;
        _address = new SocketAddress(socket.AddressFamily);
        _data = GC.AllocateUninitializedArray<byte>(_batched ? Capacity * SlotStride : MaxDatagram, pinned: true);
        _names = GC.AllocateUninitializedArray<byte>(Capacity * AddressBytes, pinned: true);
        _iov = (IoVec*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(IoVec)));
        _messages = (MMsgHdr*)NativeMemory.AllocZeroed((nuint)(Capacity * sizeof(MMsgHdr)));
        if (!_batched) return;
        var data = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_data));
        var names = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_names));
        for (var i = 0; i < Capacity; i++)
        {
            _iov[i] = new IoVec { Base = (nint)(data + (long)i * SlotStride), Length = MaxDatagram };
            _messages[i].Header = new MsgHdr { Name = (nint)(names + i * AddressBytes), Iov = (nint)(_iov + i), IovLength = 1 };
        }
        // A blocked call wakes this often, so that a stopping worker sees it even if closing the socket did not wake it.
        var timeout = new byte[16];
        BitConverter.TryWriteBytes(timeout, (long)WakeInterval.TotalSeconds);
        BitConverter.TryWriteBytes(timeout.AsSpan(8), (long)(WakeInterval.TotalMicroseconds % 1_000_000));
        socket.SetRawSocketOption(SolSocket, SoRcvTimeo, timeout);
    }

    private const int SolSocket = 1, SoRcvTimeo = 20;

    /// <summary>True when datagrams are taken by <c>recvmmsg</c> (several per call).</summary>
    public bool Batched => _batched;

    /// <summary>The socket error of the last call that returned nothing (for a debug log), or <see cref="SocketError.Success"/>.</summary>
    public SocketError LastError { get; private set; }

    /// <summary>
    /// Waits for datagrams and returns how many were taken: 0 when none came within the wake interval or the call
    /// failed (see <see cref="LastError"/>), -1 once the socket is closed.
    /// </summary>
    public int Receive() => _batched ? ReceiveBatch() : ReceiveOne();

    public ReadOnlySpan<byte> Datagram(int index) =>
        _data.AsSpan(_batched ? index * SlotStride : 0, _lengths[index]);

    /// <summary>The sender's address (a native sockaddr, as <see cref="SocketAddress.Buffer"/> holds it).</summary>
    public ReadOnlySpan<byte> SenderAddress(int index) => _names.AsSpan(index * AddressBytes, _nameLengths[index]);

    private int ReceiveBatch()
    {
        var handle = _socket.SafeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            return -1;
        }
        try
        {
            for (var i = 0; i < Capacity; i++) _messages[i].Header.NameLength = AddressBytes;
            int count;
            try
            {
                count = RecvMmsg((int)handle.DangerousGetHandle(), _messages, Capacity, MsgWaitForOne, 0);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                _batched = false;   // a libc without recvmmsg: one datagram per call
                _socket.SetRawSocketOption(SolSocket, SoRcvTimeo, new byte[16]);
                return 0;
            }
            if (count <= 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                LastError = errno == EAgain ? SocketError.TimedOut : SocketError.SocketError;
                // A socket switched to non-blocking returns at once: wait for data instead of spinning.
                if (errno != EAgain) return 0;
                try
                {
                    _socket.Poll(WakeInterval, SelectMode.SelectRead);
                }
                catch (ObjectDisposedException)
                {
                    return -1;
                }
                return 0;
            }
            for (var i = 0; i < count; i++)
            {
                _lengths[i] = (int)_messages[i].Length;
                _nameLengths[i] = (int)Math.Min(_messages[i].Header.NameLength, AddressBytes);
                // No sender: not a datagram but the end of the stream that closing the socket (shutdown) makes.
                if (_nameLengths[i] == 0) return i == 0 ? -1 : i;
            }
            LastError = SocketError.Success;
            return count;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    private int ReceiveOne()
    {
        try
        {
            _lengths[0] = _socket.ReceiveFrom(_data.AsSpan(0, MaxDatagram), SocketFlags.None, _address);
        }
        catch (ObjectDisposedException)
        {
            return -1;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.OperationAborted or SocketError.NotSocket or SocketError.Shutdown)
        {
            return -1;
        }
        catch (SocketException e)
        {
            // ICMP errors and the like are reported on UDP sockets; they are not fatal.
            LastError = e.SocketErrorCode;
            return 0;
        }
        _nameLengths[0] = _address.Size;
        _address.Buffer.Span[.._address.Size].CopyTo(_names);
        return 1;
    }

    public void Dispose()
    {
        NativeMemory.Free(_iov);
        NativeMemory.Free(_messages);
    }
}
