using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZjSim.Bench;

/// <summary>The figures as the table docs/benchmarks.md quotes, or as JSON (--json).</summary>
public static class Report
{
    // Issue 15's targets: (b)/(a) ≥ 1.7, the silo's CPU per replication within 10% of one thread's, the console end to end
    // at ≥ 1.5×(a); peak memory and a long-lived silo's live heap flat (here: within 10% and 5%).
    private const double TargetSingle = 5e7, TargetRatio = 1.7, TargetCpuRatio = 1.10, TargetConsoleRatio = 1.5,
        TargetPeakRatio = 1.10, TargetHeapGrowth = 1.05, TargetSeconds = 30, TargetScenarioSeconds = 120;
    private const int TargetBytes = 32;

    public static void Table(TextWriter w, Figures f)
    {
        Header(w, f.Machine, f.Quick, f.Enterprises, f.Repetitions, f.OtherProcessCores);
        SingleRows(w, f.SingleThread);
        Row(w, $"(b) Orleans, cluster granularity, 1 silo, {f.Concurrency} in flight, ey/s", Rate(f.OrleansRate), "");
        Row(w, "    ratio (b)/(a), default replications in flight", F2(f.Ratio), $"≥ 1.7 {Met(f.Ratio >= TargetRatio)}");
        Row(w, $"    with {2 * f.Concurrency} in flight, ey/s", Rate(f.OrleansRateWide), "");
        Row(w, $"    ratio to (a) with {2 * f.Concurrency} in flight", F2(f.RatioWide), "");
        Row(w, $"    CPU ms per replication in the silo ({f.Concurrency} in flight)",
            $"{f.OrleansCpuMillisecondsPerReplication.ToString("0.0", CultureInfo.InvariantCulture)} (+{f.OrleansOverheadMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)})", "");
        Row(w, "    ratio to one thread's CPU per replication", F2(f.CpuRatio), $"≤ 1.10 {Met(f.CpuRatio <= TargetCpuRatio)}");
        Row(w, $"    CPU ms per replication with {2 * f.Concurrency} in flight", f.OrleansCpuWideMillisecondsPerReplication.ToString("0.0", CultureInfo.InvariantCulture), "");
        Row(w, "    ratio CPU time allows with every core free", F2(f.RatioCpuBound), $"≥ 1.7 {Met(f.RatioCpuBound >= TargetRatio)}");
        if (f.SiloLiveHeapBytes.Count > 0)
            Row(w, $"    live heap after each of {f.SiloLiveHeapBytes.Count} runs of {f.OrleansReplications} (keep 1 run), MB",
                string.Join(" ", f.SiloLiveHeapBytes.Select(Mb)), $"last/first ≤ 1.05 {Met(f.SiloHeapGrowth <= TargetHeapGrowth)} ({F2(f.SiloHeapGrowth)})");
        if (f.Console is { } c)
        {
            Row(w, $"zjsim run --scenario baseline --replications {c.Replications:N0}, s", $"{Sec(c.Large.Seconds)} ({CpuText(c.Large)})", "process start to exit (CPU s)");
            if (f.ConsoleRatio is double consoleRatio)
            {
                Row(w, "    its ey/s, process start to exit", Rate(f.ConsoleEnterpriseYears / c.Large.Seconds), "");
                Row(w, "    ratio to (a)", F2(consoleRatio), $"≥ 1.5 {Met(consoleRatio >= TargetConsoleRatio)}");
            }
            Row(w, "    start-up: zjsim --help, s", $"{Sec(c.Help.Seconds)} ({CpuText(c.Help)})", "");
            Row(w, "    start-up and first JIT: a run of 1 replication, s", $"{Sec(c.One.Seconds)} ({CpuText(c.One)})", "");
            Row(w, $"    the {c.Replications:N0} less the run of 1, s", Sec(c.Large.Seconds - c.One.Seconds), "");
        }
        else Row(w, "zjsim run end to end", "not built", "dotnet build ZjSim.sln -c Release");
        Row(w, $"(c) enterprise granularity, {f.SmallWorldEnterprises:N0} enterprises, ey/s", Rate(f.EnterpriseGranularityRate), "");
        Row(w, "(d) state per enterprise, bytes", f.StateBytesPerEnterprise.ToString(CultureInfo.InvariantCulture), $"≤ 32 {Met(f.StateBytesPerEnterprise <= TargetBytes)}");
        Row(w, "    allocated per enterprise per replication, bytes", f.AllocatedBytesPerEnterprise.ToString("0.00", CultureInfo.InvariantCulture), "");
        Run(w, f.LargeRun, target: !f.Quick);
        Run(w, f.SmallRun, target: false);
        double peakRatio = f.LargeRun.Memory.PeakResidentBytes / (double)f.SmallRun.Memory.PeakResidentBytes;
        Row(w, "    peak memory, large run / small run", F2(peakRatio), $"≤ 1.10 {Met(peakRatio <= TargetPeakRatio)}");
        Row(w, "    live heap kept per extra replication, bytes", f.RetainedBytesPerReplication.ToString("N0", CultureInfo.InvariantCulture), "");
        Row(w, "      of which the aggregator's outcome, bytes", f.OutcomeBytes.ToString("N0", CultureInfo.InvariantCulture), "");
        Row(w, $"four scenarios × {f.ScenariosReplications:N0} replications, s", f.ScenariosSeconds.ToString("0.0", CultureInfo.InvariantCulture),
            f.Quick ? "" : $"≤ 120 {Met(f.ScenariosSeconds <= TargetScenarioSeconds)}");
        foreach (var s in f.Silos)
            Row(w, $"silos in this process: {s.Silos}, {2 * f.Concurrency} in flight, ey/s", Rate(s.EnterpriseYearsPerSecond),
                $"× {s.EnterpriseYearsPerSecond / f.Silos[0].EnterpriseYearsPerSecond:0.00} of 1 silo");
    }

    /// <summary>The table of --single: figure (a) and the state's size.</summary>
    public static void Single(TextWriter w, SingleFigures f)
    {
        Header(w, f.Machine, f.Quick, f.Enterprises, f.Repetitions, f.OtherProcessCores);
        SingleRows(w, f.SingleThread);
        Row(w, "(d) state per enterprise, bytes", f.StateBytesPerEnterprise.ToString(CultureInfo.InvariantCulture), $"≤ 32 {Met(f.StateBytesPerEnterprise <= TargetBytes)}");
        Row(w, "    allocated per enterprise per replication, bytes", f.AllocatedBytesPerEnterprise.ToString("0.00", CultureInfo.InvariantCulture), "");
    }

    private static void Header(TextWriter w, Machine m, bool quick, int enterprises, int repetitions, double? otherCores)
    {
        w.WriteLine($"zjsim-bench{(quick ? " (quick)" : "")}: {m.Cores} cores, {m.Cpu}");
        w.WriteLine($"  {m.Os}; {m.Runtime}; {m.Vectors}; GC {m.Gc}");
        w.WriteLine($"  province: {enterprises:N0} enterprises, 6 years; medians of {repetitions} repetitions");
        w.WriteLine(otherCores is double other
            ? $"  other processes used {other:0.00} of the {m.Cores} cores on average while this ran"
            : "  load of other processes unknown (no /proc/stat)");
        w.WriteLine();
        w.WriteLine($"  {"figure",-58} {"value",16}  target");
        w.WriteLine("  " + new string('─', 90));
    }

    private static void SingleRows(TextWriter w, SingleThread.Rates a)
    {
        Row(w, "(a) full model, 1 thread, enterprise-years/s", Rate(a.FullModel), $"≥ 5.0e7 {Met(a.FullModel >= TargetSingle)}");
        Row(w, "    step kernel only, enterprise-years/s", Rate(a.StepOnly), $"≥ 5.0e7 {Met(a.StepOnly >= TargetSingle)}");
        if (a.StepOnlyCpu is double stepCpu) Row(w, "      per second of the thread's CPU time", Rate(stepCpu), "");
        Row(w, "    initialisation, enterprises/s", Rate(a.InitPerSecond), "");
        if (a.InitPerCpuSecond is double initCpu) Row(w, "      per second of the thread's CPU time", Rate(initCpu), "");
        Row(w, "    one replication, ms (CPU ms)", $"{a.MillisecondsPerReplication.ToString("0.0", CultureInfo.InvariantCulture)} ({a.CpuMillisecondsPerReplication.ToString("0.0", CultureInfo.InvariantCulture)})", "");
    }

    private static void Run(TextWriter w, RunFigure r, bool target)
    {
        Row(w, $"{r.Replications:N0} baseline replications, province scale, s", r.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
            target ? $"≤ 30 {Met(r.Seconds <= TargetSeconds)}" : "");
        Row(w, $"    peak resident memory of that run, MB{(r.Memory.PerRun ? "" : " (process peak)")}", Mb(r.Memory.PeakResidentBytes), "");
        Row(w, "    live GC heap after it, MB", Mb(r.Memory.GcHeapBytes), "");
    }

    public static void Json(TextWriter w, Figures f)
    {
        var json = Common(f.Machine, f.Quick, f.OtherProcessCores, f.Enterprises, f.Repetitions, f.SingleThread);
        json["b_orleans_cluster_granularity"] = new JsonObject
        {
            ["enterprise_years_per_second"] = Math.Round(f.OrleansRate),
            ["replications_per_repetition"] = f.OrleansReplications,
            ["concurrency"] = f.Concurrency,
            ["enterprise_years_per_second_double_concurrency"] = Math.Round(f.OrleansRateWide),
            ["ratio_to_a_double_concurrency"] = Math.Round(f.RatioWide, 3),
            ["cpu_milliseconds_per_replication"] = Math.Round(f.OrleansCpuMillisecondsPerReplication, 2),
            ["cpu_milliseconds_per_replication_double_concurrency"] = Math.Round(f.OrleansCpuWideMillisecondsPerReplication, 2),
            ["orleans_cpu_milliseconds_per_replication"] = Math.Round(f.OrleansOverheadMilliseconds, 2),
            ["ratio_cpu_bound"] = Math.Round(f.RatioCpuBound, 3),
            ["ratio_to_a"] = Math.Round(f.Ratio, 3),
            ["target_ratio"] = TargetRatio,
            ["met"] = f.Ratio >= TargetRatio,
            ["cpu_ratio_to_a"] = Math.Round(f.CpuRatio, 3),
            ["target_cpu_ratio"] = TargetCpuRatio,
            ["cpu_met"] = f.CpuRatio <= TargetCpuRatio,
            ["live_heap_bytes_after_each_run"] = new JsonArray(f.SiloLiveHeapBytes.Select(b => (JsonNode)b).ToArray()),
            ["live_heap_growth"] = Math.Round(f.SiloHeapGrowth, 3),
            ["live_heap_met"] = f.SiloHeapGrowth <= TargetHeapGrowth,
        };
        if (f.Console is { } c)
            json["console"] = new JsonObject
            {
                ["replications"] = c.Replications,
                ["seconds"] = Math.Round(c.Large.Seconds, 2),
                ["cpu_seconds"] = c.Large.CpuSeconds is double cpu ? Math.Round(cpu, 2) : null,
                ["help_seconds"] = Math.Round(c.Help.Seconds, 3),
                ["one_replication_seconds"] = Math.Round(c.One.Seconds, 3),
                ["ratio_to_a"] = f.ConsoleRatio is double r ? Math.Round(r, 3) : null,
                ["target_ratio"] = TargetConsoleRatio,
                ["met"] = f.ConsoleRatio >= TargetConsoleRatio,
            };
        json["c_enterprise_granularity"] = new JsonObject
        {
            ["enterprises"] = f.SmallWorldEnterprises,
            ["enterprise_years_per_second"] = Math.Round(f.EnterpriseGranularityRate),
        };
        var memory = MemoryJson(f.StateBytesPerEnterprise, f.AllocatedBytesPerEnterprise);
        memory["retained_heap_bytes_per_replication"] = Math.Round(f.RetainedBytesPerReplication);
        memory["aggregator_outcome_bytes_per_replication"] = Math.Round(f.OutcomeBytes);
        json["d_memory"] = memory;
        json["runs"] = new JsonArray(RunJson(f.SmallRun), RunJson(f.LargeRun));
        json["peak_ratio"] = Math.Round(f.LargeRun.Memory.PeakResidentBytes / (double)f.SmallRun.Memory.PeakResidentBytes, 3);
        json["large_run_target_seconds"] = TargetSeconds;
        json["large_run_met"] = !f.Quick && f.LargeRun.Seconds <= TargetSeconds;
        json["four_scenarios"] = new JsonObject
        {
            ["replications_each"] = f.ScenariosReplications,
            ["seconds"] = Math.Round(f.ScenariosSeconds, 2),
            ["target_seconds"] = TargetScenarioSeconds,
            ["met"] = !f.Quick && f.ScenariosSeconds <= TargetScenarioSeconds,
        };
        json["silos"] = new JsonArray(f.Silos.Select(s => (JsonNode)new JsonObject
        {
            ["silos"] = s.Silos,
            ["enterprise_years_per_second"] = Math.Round(s.EnterpriseYearsPerSecond),
        }).ToArray());
        w.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>The JSON of --single: the full run's figures (a) and the state part of (d).</summary>
    public static void Json(TextWriter w, SingleFigures f)
    {
        var json = Common(f.Machine, f.Quick, f.OtherProcessCores, f.Enterprises, f.Repetitions, f.SingleThread);
        json["d_memory"] = MemoryJson(f.StateBytesPerEnterprise, f.AllocatedBytesPerEnterprise);
        w.WriteLine(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>What both JSON reports open with: the machine, the settings and figure (a).</summary>
    private static JsonObject Common(Machine machine, bool quick, double? otherProcessCores, int enterprises, int repetitions, SingleThread.Rates single) => new()
    {
        ["machine"] = MachineJson(machine),
        ["quick"] = quick,
        ["other_process_cores"] = otherProcessCores is double other ? Math.Round(other, 3) : null,
        ["enterprises"] = enterprises,
        ["repetitions"] = repetitions,
        ["a_single_thread"] = SingleJson(single),
    };

    private static JsonObject MemoryJson(int stateBytes, double allocatedBytes) => new()
    {
        ["state_bytes_per_enterprise"] = stateBytes,
        ["allocated_bytes_per_enterprise_per_replication"] = Math.Round(allocatedBytes, 3),
        ["target_bytes"] = TargetBytes,
        ["met"] = stateBytes <= TargetBytes,
    };

    private static JsonObject MachineJson(Machine m) => new()
    {
        ["cores"] = m.Cores, ["cpu"] = m.Cpu, ["os"] = m.Os, ["runtime"] = m.Runtime, ["vectors"] = m.Vectors, ["gc"] = m.Gc,
    };

    private static JsonObject SingleJson(SingleThread.Rates a) => new()
    {
        ["full_model_enterprise_years_per_second"] = Math.Round(a.FullModel),
        ["step_only_enterprise_years_per_second"] = Math.Round(a.StepOnly),
        ["step_only_enterprise_years_per_cpu_second"] = a.StepOnlyCpu is double stepCpu ? Math.Round(stepCpu) : null,
        ["initialisation_enterprises_per_second"] = Math.Round(a.InitPerSecond),
        ["initialisation_enterprises_per_cpu_second"] = a.InitPerCpuSecond is double initCpu ? Math.Round(initCpu) : null,
        ["milliseconds_per_replication"] = Math.Round(a.MillisecondsPerReplication, 2),
        ["cpu_milliseconds_per_replication"] = Math.Round(a.CpuMillisecondsPerReplication, 2),
        ["target"] = TargetSingle,
        ["met"] = a.FullModel >= TargetSingle,
        ["step_met"] = a.StepOnly >= TargetSingle,
    };

    private static JsonObject RunJson(RunFigure r) => new()
    {
        ["replications"] = r.Replications,
        ["seconds"] = Math.Round(r.Seconds, 2),
        ["enterprise_years_per_second"] = Math.Round(r.EnterpriseYearsPerSecond),
        ["peak_resident_bytes"] = r.Memory.PeakResidentBytes,
        ["peak_is_per_run"] = r.Memory.PerRun,
        ["gc_heap_bytes_after"] = r.Memory.GcHeapBytes,
        ["gc_committed_bytes_after"] = r.Memory.GcCommittedBytes,
    };

    private static void Row(TextWriter w, string name, string value, string target) => w.WriteLine($"  {name,-58} {value,16}  {target}");
    private static string Rate(double v) => v.ToString("0.000e0", CultureInfo.InvariantCulture);
    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
    private static string F2(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    private static string Sec(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
    private static string CpuText(ConsoleRun.Timing t) => t.CpuSeconds is double cpu ? cpu.ToString("0.0", CultureInfo.InvariantCulture) : "?";
    private static string Met(bool met) => met ? "met" : "MISSED";
}
