namespace ZjSim.Bench;

/// <summary>Everything one benchmark run measured; printed as a table or as JSON.</summary>
public sealed record Figures(
    Machine Machine,
    bool Quick,
    int Enterprises,
    int Repetitions,
    SingleThread.Rates SingleThread,
    double OrleansRate,
    double OrleansRateWide,
    int OrleansReplications,
    int Concurrency,
    double EnterpriseGranularityRate,
    int SmallWorldEnterprises,
    int StateBytesPerEnterprise,
    double AllocatedBytesPerEnterprise,
    RunFigure LargeRun,
    RunFigure SmallRun,
    double ScenariosSeconds,
    int ScenariosReplications,
    IReadOnlyList<SiloFigure> Silos,
    double OutcomeBytes,
    double OrleansCpuMillisecondsPerReplication,
    double OrleansCpuWideMillisecondsPerReplication,
    IReadOnlyList<long> SiloLiveHeapBytes,
    ConsoleRun.Figures? Console,
    double? OtherProcessCores)
{
    /// <summary>CPU per replication in the silo, with the default replications in flight, over one thread's: issue 15 wants at most 1.10.</summary>
    public double CpuRatio => OrleansCpuMillisecondsPerReplication / SingleThread.CpuMillisecondsPerReplication;
    /// <summary>Enterprise-years of the large run (seed 1, as the console's run): what the console simulates too.</summary>
    public double LargeRunEnterpriseYears => LargeRun.EnterpriseYearsPerSecond * LargeRun.Seconds;
    /// <summary>The console's throughput, process start to exit, over (a): issue 15 wants at least 1.5.</summary>
    public double? ConsoleRatio => Console is { } c ? ConsoleEnterpriseYears / c.Large.Seconds / SingleThread.FullModel : null;
    /// <summary>What the console reported simulating (it draws from the posterior; the bench's runs take the medians), else the bench's large run's.</summary>
    public double ConsoleEnterpriseYears => Console?.Large.EnterpriseYears ?? LargeRunEnterpriseYears;
    /// <summary>The long-lived silo's live heap, last run over first: flat ≈ 1.</summary>
    public double SiloHeapGrowth => SiloLiveHeapBytes.Count > 1 ? (double)SiloLiveHeapBytes[^1] / SiloLiveHeapBytes[0] : 1;

    /// <summary>CPU time Orleans adds to a replication: the process's CPU per replication in the silo, less one thread's.</summary>
    public double OrleansOverheadMilliseconds => OrleansCpuMillisecondsPerReplication - SingleThread.CpuMillisecondsPerReplication;
    /// <summary>
    /// (b)/(a) that CPU time allows when every core is free for the silo: cores × CPU per replication on one thread /
    /// CPU per replication in the silo. Unlike the wall-clock ratio, it hardly moves with other processes' load.
    /// </summary>
    public double RatioCpuBound => Machine.Cores * SingleThread.CpuMillisecondsPerReplication / OrleansCpuMillisecondsPerReplication;

    public double Ratio => OrleansRate / SingleThread.FullModel;
    public double RatioWide => OrleansRateWide / SingleThread.FullModel;
    /// <summary>Live heap the silo still holds per extra replication after a run (outcomes kept for the client, brain grains).</summary>
    public double RetainedBytesPerReplication =>
        (double)(LargeRun.Memory.GcHeapBytes - SmallRun.Memory.GcHeapBytes) / (LargeRun.Replications - SmallRun.Replications);
}

/// <summary>What --single measures: figure (a) and the state's size, without Orleans.</summary>
public sealed record SingleFigures(
    Machine Machine,
    bool Quick,
    int Enterprises,
    int Repetitions,
    SingleThread.Rates SingleThread,
    int StateBytesPerEnterprise,
    double AllocatedBytesPerEnterprise,
    double? OtherProcessCores);

/// <summary>A whole baseline run at province scale on a fresh embedded silo: wall time and memory.</summary>
public sealed record RunFigure(int Replications, double Seconds, double EnterpriseYearsPerSecond, MemoryProbe.Peak Memory);

/// <summary>Throughput with this many silos in the process.</summary>
public sealed record SiloFigure(int Silos, double EnterpriseYearsPerSecond);
