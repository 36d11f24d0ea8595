using System.Diagnostics;
using System.Text.Json;
using Orleans.Concurrency;
using ZjSim.GrainInterfaces;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;

namespace ZjSim.Bench;

/// <summary>Submits a run to silos as `zjsim run` does (run grain, progress polling, aggregator), and times it.</summary>
public static class RunDriver
{
    /// <summary>Wall time, and CPU time of this whole process meanwhile (silo, runtime and GC threads included).</summary>
    public sealed record Timing(int Replications, long EnterpriseYears, double Seconds, double CpuSeconds, int OutcomesFetched)
    {
        public double EnterpriseYearsPerSecond => EnterpriseYears / Seconds;
        public double CpuMillisecondsPerReplication => CpuSeconds * 1000 / Replications;
    }

    public static RunRequest Request(string configDir, string scenario, double scale, int replications, ulong seed, Granularity granularity, int concurrency)
    {
        var s = ScenarioLoader.Load(scenario, configDir, scale);
        var goals = GoalSet.Load(Path.Combine(configDir, ConfigDirectory.GoalsFile), s.Parameters.Years);
        return new RunRequest($"bench-{Guid.NewGuid():N}", s.Name, s.CanonicalJson, s.Hash,
            JsonSerializer.Serialize(goals, ConfigJson.Options), seed, replications, granularity, concurrency);
    }

    /// <summary>Runs to the end and fetches the outcomes, as the client does before writing its files.</summary>
    public static async Task<Timing> RunAsync(IGrainFactory grains, RunRequest request)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var run = grains.GetGrain<IRunGrain>(request.RunId);
        await run.Start(request.AsImmutable());
        RunProgress progress;
        while (!(progress = await run.GetProgress()).Finished) await Task.Delay(5);
        if (progress.Error is not null) throw new InvalidOperationException($"benchmark run failed: {progress.Error}");
        var outcomes = (await grains.GetGrain<IAggregatorGrain>(request.RunId).Outcomes()).Value;
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new Timing(request.Replications, progress.EnterpriseYears, seconds, cpuSeconds, outcomes.Length);
    }
}
