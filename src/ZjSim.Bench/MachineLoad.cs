using System.Diagnostics;

namespace ZjSim.Bench;

/// <summary>
/// How busy the machine was with other processes while the benchmark ran (from /proc/stat, less this process's
/// own CPU time): on a shared machine the wall-clock figures are only as good as the cores left to them.
/// </summary>
public sealed class MachineLoad
{
    private readonly long _busy, _total;
    private readonly TimeSpan _ownCpu;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public MachineLoad() => (_busy, _total, _ownCpu) = (Busy(), Total(), Process.GetCurrentProcess().TotalProcessorTime);

    /// <summary>Average cores used by other processes since construction, or null where /proc/stat is unreadable.</summary>
    public double? OtherCores()
    {
        long busy = Busy(), total = Total();
        if (busy < 0 || total <= _total) return null;
        double machineCores = (double)(busy - _busy) / (total - _total) * Environment.ProcessorCount;
        double ownCores = (Process.GetCurrentProcess().TotalProcessorTime - _ownCpu).TotalSeconds / _clock.Elapsed.TotalSeconds;
        return Math.Max(0, machineCores - ownCores);
    }

    private static long[]? Fields()
    {
        try
        {
            var line = File.ReadLines("/proc/stat").First();   // "cpu  user nice system idle iowait irq softirq steal ..."
            return line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return null; }
    }

    private static long Busy() => Fields() is { } f ? f.Sum() - f[3] - f[4] : -1;
    private static long Total() => Fields() is { } f ? f.Sum() : -1;
}
