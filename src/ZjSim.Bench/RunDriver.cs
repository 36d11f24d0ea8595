using System.Diagnostics;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;

namespace ZjSim.Bench;

/// <summary>Submits a run to silos as `zjsim run` does (through the same RunFollower), and times it.</summary>
public static class RunDriver
{
    /// <summary>Wall time, and CPU time of this whole process meanwhile (silo, runtime and GC threads included).</summary>
    public sealed record Timing(int Replications, long EnterpriseYears, double Seconds, double CpuSeconds, int OutcomesFetched, GcWork Gc)
    {
        public double EnterpriseYearsPerSecond => EnterpriseYears / Seconds;
        public double CpuMillisecondsPerReplication => CpuSeconds * 1000 / Replications;
    }

    public static RunRequest Request(string configDir, string scenario, double scale, int replications, ulong seed, Granularity granularity, int concurrency) =>
        RunRequest.Load($"bench-{Guid.NewGuid():N}", configDir, scenario, scale, seed, replications, granularity, concurrency);

    /// <summary>Runs to the end and fetches the outcomes, as the client does before writing its files.</summary>
    public static async Task<Timing> RunAsync(IGrainFactory grains, RunRequest request)
    {
        var gc = GcWork.Now();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        // Polled often, so the figures hold the run's time and not the wait for the next poll.
        var (progress, outcomes) = await new RunFollower(grains) { PollInterval = TimeSpan.FromMilliseconds(5) }.RunToEndAsync(request);
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new Timing(request.Replications, progress.EnterpriseYears, seconds, cpuSeconds, outcomes.Length, GcWork.Now() - gc);
    }
}

/// <summary>What the GC did in this process: bytes allocated, collections by generation, time paused.</summary>
public readonly record struct GcWork(long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan Paused)
{
    public static GcWork Now() => new(GC.GetTotalAllocatedBytes(precise: false), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
    public static GcWork operator -(GcWork a, GcWork b) => new(a.AllocatedBytes - b.AllocatedBytes, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused);
}
