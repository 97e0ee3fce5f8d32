using System.Runtime.CompilerServices;

namespace GrokFlow.Engine.Values;

/// <summary>
/// The clock as one date value sees it: read the first time it is asked, then the same reading, so that a value reads
/// the clock once at most however many steps ask (the memo's day, the composer's year).
/// </summary>
internal struct ClockReading(TimeProvider clock)
{
    private long _utcTicks;
    private bool _read;

    public long UtcTicks
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (!_read)
            {
                _utcTicks = clock.GetUtcNow().UtcTicks;
                _read = true;
            }
            return _utcTicks;
        }
    }
}
