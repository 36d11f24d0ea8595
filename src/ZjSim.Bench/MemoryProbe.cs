using System.Diagnostics;

namespace ZjSim.Bench;

/// <summary>
/// Peak resident memory of one measured stretch. On Linux, writing 5 to /proc/self/clear_refs resets the
/// process's peak (VmHWM), so several runs in one process each get their own peak; elsewhere the figure is
/// the process's peak so far and says so.
/// </summary>
public static class MemoryProbe
{
    public sealed record Peak(long PeakResidentBytes, bool PerRun, long GcHeapBytes, long GcCommittedBytes);

    /// <summary>Collects garbage and resets the peak; returns whether the reset worked.</summary>
    public static bool Reset()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Peak resident memory since the last reset, and the GC heap still live now (after a full collection).</summary>
    public static Peak Read(bool perRun)
    {
        long peak = ReadStatus("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return new Peak(peak, perRun, GC.GetTotalMemory(forceFullCollection: false), info.TotalCommittedBytes);
    }

    /// <summary>The GC heap still live after a full compacting collection.</summary>
    public static long LiveHeap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static long? ReadStatus(string field)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            if (line is null) return null;
            var parts = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(parts[0]) * 1024;   // kB
        }
        catch (IOException) { return null; }
    }
}
