using System.Diagnostics;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Goals;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Bench;

/// <summary>Figure (a): the batch representation on one thread, without Orleans.</summary>
public static class SingleThread
{
    /// <param name="StepOnlyCpu">The step kernel's enterprise-years per second of its thread's CPU time (null without the clock):
    /// what a core gives when other processes share it.</param>
    /// <param name="InitPerCpuSecond">The same for initialisation, enterprises per CPU second.</param>
    public sealed record Rates(double FullModel, double StepOnly, double InitPerSecond, double MillisecondsPerReplication, double CpuMillisecondsPerReplication,
        double? StepOnlyCpu, double? InitPerCpuSecond);

    /// <summary>
    /// Full model: whole replications (initialisation, six yearly steps of every cluster, province and indicators)
    /// through <see cref="ReplicationRunner"/>, the reference the grains reproduce. Step only: the yearly steps
    /// of the batch clusters, initialisation excluded. Each a median over repetitions of a few replications.
    /// </summary>
    public static Rates Measure(WorldLayout world, int repetitions, int replicationsPerRepetition)
    {
        var years = world.Parameters.Years;
        int stepYears = years.EndYear - years.BaseYear;
        long perReplication = (long)world.EnterpriseCount * stepYears;
        var full = new List<double>();
        var step = new List<double>();
        var init = new List<double>();
        var cpu = new List<double>();
        var stepCpu = new List<double>();
        var initCpu = new List<double>();
        int replication = 0;
        for (int r = 0; r < repetitions; r++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (int k = 0; k < replicationsPerRepetition; k++) ReplicationRunner.Run(world, 1, replication++);
            full.Add(perReplication * replicationsPerRepetition / clock.Elapsed.TotalSeconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / replicationsPerRepetition);

            double initSeconds = 0, stepSeconds = 0, initCpuSeconds = 0, stepCpuSeconds = 0;
            for (int k = 0; k < replicationsPerRepetition; k++)
            {
                double? cpu0 = ThreadCpu.Seconds();
                clock.Restart();
                var clusters = world.Clusters.Select(c => new ClusterPopulation(world, c, 1, replication)).ToArray();
                initSeconds += clock.Elapsed.TotalSeconds;
                double? cpu1 = ThreadCpu.Seconds();
                clock.Restart();
                for (int year = years.BaseYear + 1; year <= years.EndYear; year++)
                    foreach (var c in clusters) c.StepYear(year, BusyYear);
                stepSeconds += clock.Elapsed.TotalSeconds;
                double? cpu2 = ThreadCpu.Seconds();
                initCpuSeconds += (cpu1 - cpu0) ?? double.NaN;
                stepCpuSeconds += (cpu2 - cpu1) ?? double.NaN;
                replication++;
            }
            step.Add(perReplication * replicationsPerRepetition / stepSeconds);
            init.Add((double)world.EnterpriseCount * replicationsPerRepetition / initSeconds);
            stepCpu.Add(perReplication * replicationsPerRepetition / stepCpuSeconds);
            initCpu.Add((double)world.EnterpriseCount * replicationsPerRepetition / initCpuSeconds);
        }
        double fullRate = Median.Of(full);
        double? OrNull(double v) => double.IsFinite(v) ? v : null;
        return new Rates(fullRate, Median.Of(step), Median.Of(init), perReplication / fullRate * 1000, Median.Of(cpu),
            OrNull(Median.Of(stepCpu)), OrNull(Median.Of(initCpu)));
    }

    /// <summary>A year in which every agent acts (campaign offers, brain connections, both recognition batches), so the kernel takes every branch.</summary>
    private static readonly ZjSim.Model.Rules.ClusterDirective BusyYear = new([0.5, 0.3, 0.1, 0.02], 0.02, 0.1, [0.05, 0, 0, 0, 0.08, 0, 0, 0], 0.1, 0.1);

    /// <summary>
    /// Bytes of one replication's outcome as the aggregator keeps it for the client (indicator table, goal results),
    /// measured as what building one allocates.
    /// </summary>
    public static double OutcomeBytes(WorldLayout world, GoalSet goals)
    {
        var table = ReplicationRunner.Run(world, 1, 0);
        _ = goals.Evaluate(table, world.Scale).ToArray();   // jitted
        long before = GC.GetAllocatedBytesForCurrentThread();
        var copy = new IndicatorTable(table.FirstYear, table.Values.ToArray());
        var outcome = new ReplicationOutcome(0, copy, goals.Evaluate(copy, world.Scale).ToArray(), 0);
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(outcome);
        return bytes;
    }

    /// <summary>Bytes allocated on this thread to initialise one replication's clusters, per enterprise.</summary>
    public static double AllocatedBytesPerEnterprise(WorldLayout world)
    {
        _ = world.Clusters.Select(c => new ClusterPopulation(world, c, 1, 0)).ToArray();   // plan built, code jitted
        long before = GC.GetAllocatedBytesForCurrentThread();
        var clusters = world.Clusters.Select(c => new ClusterPopulation(world, c, 1, 1)).ToArray();
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(clusters);
        return (double)bytes / world.EnterpriseCount;
    }
}
