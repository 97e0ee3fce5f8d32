using System.Runtime.InteropServices;

namespace GrokFlow.Runtime.Sources;

/// <summary>
/// The x86-64/arm64 Linux layouts of <c>struct iovec</c>, <c>struct msghdr</c> and <c>struct mmsghdr</c>, and the
/// batch system calls that take them (<c>recvmmsg</c>, <c>sendmmsg</c>): one call moves many datagrams.
/// </summary>
internal static unsafe partial class LinuxMessageHeaders
{
    public const int MsgDontWait = 0x40, MsgTrunc = 0x20, MsgWaitForOne = 0x10000;
    public const int EAgain = 11, EIntr = 4;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public nint Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public nint Name;
        public uint NameLength;
        public nint Iov;
        public nuint IovLength;
        public nint Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int RecvMmsg(int fd, MMsgHdr* messages, uint count, int flags, nint timeout);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMmsg(int fd, MMsgHdr* messages, uint count, int flags);
}
