using System.Runtime.InteropServices;

namespace ZjSim.Bench;

/// <summary>
/// CPU time of the calling thread (clock_gettime(CLOCK_THREAD_CPUTIME_ID), Linux): on a shared machine the
/// wall clock also counts the time other processes held the core, this does not.
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds, Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Seconds of CPU this thread has used, or null where the clock is not available.</summary>
    public static double? Seconds()
    {
        if (!OperatingSystem.IsLinux()) return null;
        try { return ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? t.Seconds + t.Nanoseconds * 1e-9 : null; }
        catch (DllNotFoundException) { return null; }
        catch (EntryPointNotFoundException) { return null; }
    }
}
