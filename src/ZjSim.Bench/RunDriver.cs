using System.Diagnostics;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;

namespace ZjSim.Bench;

/// <summary>Submits a run to silos as `zjsim run` does (through the same RunFollower), and times it.</summary>
public static class RunDriver
{
    /// <summary>Wall time, and CPU time of this whole process meanwhile (silo, runtime and GC threads included).</summary>
    public sealed record Timing(int Replications, long EnterpriseYears, double Seconds, double CpuSeconds, int OutcomesFetched)
    {
        public double EnterpriseYearsPerSecond => EnterpriseYears / Seconds;
        public double CpuMillisecondsPerReplication => CpuSeconds * 1000 / Replications;
    }

    public static RunRequest Request(string configDir, string scenario, double scale, int replications, ulong seed, Granularity granularity, int concurrency) =>
        RunRequest.Load($"bench-{Guid.NewGuid():N}", configDir, scenario, scale, seed, replications, granularity, concurrency);

    /// <summary>Runs to the end and fetches the outcomes, as the client does before writing its files.</summary>
    public static async Task<Timing> RunAsync(IGrainFactory grains, RunRequest request)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        // Polled often, so the figures hold the run's time and not the wait for the next poll.
        var (progress, outcomes) = await new RunFollower(grains) { PollInterval = TimeSpan.FromMilliseconds(5) }.RunToEndAsync(request);
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new Timing(request.Replications, progress.EnterpriseYears, seconds, cpuSeconds, outcomes.Length);
    }
}
