using System.Diagnostics;
using ZjSim.Bench;
using Microsoft.Extensions.Logging;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

// zjsim-bench [--json] [--quick] [--single]: the figures of docs/benchmarks.md, measured in one run.
// --single measures only figure (a), the batch kernels on one thread without Orleans (a few seconds).
// --processes measures only the silo processes on loopback with Redis (issue 15; ProcessCluster.cs).
// Progress goes to stderr; stdout holds only the table, or with --json only the JSON.
// --orleans measures (a) and (b) only and prints them with the GC's work per replication on stderr (a minute; for experiments).
bool json = args.Contains("--json"), quick = args.Contains("--quick"), singleOnly = args.Contains("--single"), orleansOnly = args.Contains("--orleans");
if (args.Any(a => a is "-h" or "--help") || args.Any(a => a is not ("--json" or "--quick" or "--single" or "--orleans" or "--processes")))
{
    Console.Error.WriteLine("usage: zjsim-bench [--json] [--quick] [--single | --orleans | --processes]");
    return args.Any(a => a is "-h" or "--help") ? 0 : 2;
}
if (args.Contains("--processes")) return await ProcessClusterCommand.RunAsync(json, quick);

var load = new MachineLoad();
string config = ConfigDirectory.Locate();
var province = new WorldLayout(ScenarioLoader.Load("baseline", config, 1.0).Parameters);
int repetitions = quick ? 3 : 5;
int concurrency = 4 * Math.Max(1, Environment.ProcessorCount);   // what `zjsim run` uses by default (RunPlan.DefaultLanes)
int orleansReplications = quick ? 60 : 200;
int largeRun = quick ? 200 : 1000, smallRun = largeRun / 10;
void Say(string s) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {s}");

Say("(a) single thread");
// Warm-up: until tiered JIT has finished recompiling in the background, it shows as extra CPU time.
SingleThread.Measure(province, quick ? 2 : 4, 10);
var single = SingleThread.Measure(province, repetitions, quick ? 4 : 10);
double allocated = SingleThread.AllocatedBytesPerEnterprise(province);
if (singleOnly)
{
    var figure = new SingleFigures(Machine.Describe(), quick, province.EnterpriseCount, repetitions, single, ClusterPopulation.BytesPerEnterprise, allocated, load.OtherCores());
    Report.Single(json ? Console.Error : Console.Out, figure);
    if (json) Report.Json(Console.Out, figure);
    return 0;
}
double outcomeBytes = SingleThread.OutcomeBytes(province, GoalSet.Load(Path.Combine(config, ConfigDirectory.GoalsFile), province.Parameters.Years));

Say("(b) Orleans, cluster granularity; (c) enterprise granularity");
double orleans, orleansWide, enterpriseRate, orleansCpu, orleansCpuWide;
var siloHeap = new List<long>();
var gcPerRun = new List<GcWork>();
var small = new WorldLayout(ScenarioLoader.Load("baseline", config, 0.01).Parameters);
// Kept running from run to run, as a `zjsim-silo --keep-runs 1` would: its live heap is read after each run.
await using (var silo = await EmbeddedSilos.StartAsync(1, null, LogLevel.Error, CancellationToken.None, adjust: s => s with { KeepRuns = 1 }))
{
    // Warm-up at both settings: the JIT's second tier and the GC's budgets settle within two runs (docs/benchmarks.md).
    await Run(silo, "baseline", 1.0, quick ? 60 : 200, Granularity.Cluster);
    await Run(silo, "baseline", 1.0, quick ? 60 : 200, Granularity.Cluster, 2 * concurrency);
    // The default and twice the default in flight take turns, run after run, so that neither gets the warmer JIT or
    // the quieter minutes of a shared machine; the silo's live heap is read after every run, less the state arrays it
    // keeps for the next run's grains (bounded, and dropped when the silo idles).
    var atDefault = new List<double>();
    var wide = new List<double>();
    var cpuPerReplication = new List<double>();
    var cpuWide = new List<double>();
    for (int i = 0; i < repetitions; i++)
    {
        var timing = await RunDriver.RunAsync(silo.Grains, RunDriver.Request(config, "baseline", 1.0, orleansReplications, 1, Granularity.Cluster, concurrency));
        atDefault.Add(timing.EnterpriseYearsPerSecond);
        cpuPerReplication.Add(timing.CpuMillisecondsPerReplication);
        gcPerRun.Add(timing.Gc);
        siloHeap.Add(MemoryProbe.LiveHeap() - silo.PooledStateBytes);
        var wideTiming = await RunDriver.RunAsync(silo.Grains, RunDriver.Request(config, "baseline", 1.0, orleansReplications, 1, Granularity.Cluster, 2 * concurrency));
        cpuWide.Add(wideTiming.CpuMillisecondsPerReplication);
        wide.Add(wideTiming.EnterpriseYearsPerSecond);
        siloHeap.Add(MemoryProbe.LiveHeap() - silo.PooledStateBytes);
    }
    orleans = Median.Of(atDefault);
    orleansWide = Median.Of(wide);
    orleansCpu = Median.Of(cpuPerReplication);
    orleansCpuWide = Median.Of(cpuWide);
    if (orleansOnly)
    {
        Say($"GC per replication: {Median.Of(gcPerRun.Select(g => g.AllocatedBytes / 1048576.0 / orleansReplications).ToList()):0.00} MB allocated, "
            + $"{Median.Of(gcPerRun.Select(g => (double)g.Gen0 / orleansReplications).ToList()):0.00} gen0 / {Median.Of(gcPerRun.Select(g => (double)g.Gen1 / orleansReplications).ToList()):0.000} gen1 / "
            + $"{Median.Of(gcPerRun.Select(g => (double)g.Gen2 / orleansReplications).ToList()):0.000} gen2 collections, {Median.Of(gcPerRun.Select(g => g.Paused.TotalMilliseconds / orleansReplications).ToList()):0.00} ms paused");
        Say($"(a) {single.FullModel:0.000e0} ey/s, {single.CpuMillisecondsPerReplication:0.0} CPU ms; (b) {orleans:0.000e0} ey/s = {orleans / single.FullModel:0.00}×(a), "
            + $"{2 * concurrency} in flight {orleansWide:0.000e0} = {orleansWide / single.FullModel:0.00}×(a), {orleansCpu:0.0} CPU ms per replication = {orleansCpu / single.CpuMillisecondsPerReplication:0.00}×(a)'s ({orleansCpuWide:0.0} with {2 * concurrency}); "
            + $"other processes {load.OtherCores():0.00} cores");
        return 0;
    }
    await Run(silo, "baseline", 0.01, 1, Granularity.Enterprise);   // warm-up
    enterpriseRate = Median.Of(await Repeat(quick ? 2 : 3, () => Run(silo, "baseline", 0.01, 2, Granularity.Enterprise)));
}

Say($"runs of {smallRun} and {largeRun} replications, each on a fresh silo");
var smallFigure = await MeasuredRun(smallRun);
var largeFigure = await MeasuredRun(largeRun);

int scenarioReplications = quick ? 100 : 1000;
Say($"four scenarios × {scenarioReplications} replications");
double scenariosSeconds;
await using (var silo = await EmbeddedSilos.StartAsync(1, null, LogLevel.Error, CancellationToken.None))
{
    var clock = Stopwatch.StartNew();
    foreach (var scenario in new[] { "baseline", "policy-push", "brain-led", "fiscal-squeeze" })
        await RunDriver.RunAsync(silo.Grains, RunDriver.Request(config, scenario, 1.0, scenarioReplications, 1, Granularity.Cluster, concurrency));
    scenariosSeconds = clock.Elapsed.TotalSeconds;
}

ConsoleRun.Figures? console = null;
if (ConsoleRun.Locate(config) is { } zjsim)
{
    Say($"the zjsim console end to end: run --scenario baseline --replications {largeRun} --seed 1, and its start-up");
    console = ConsoleRun.Measure(zjsim, largeRun);
}
else Say("the zjsim console is not built (dotnet build ZjSim.sln -c Release): its figures are left out");

var silos = new List<SiloFigure>();
foreach (int n in new[] { 1, 2, 3 })
{
    Say($"{n} silo(s) in this process");
    await using var cluster = await EmbeddedSilos.StartAsync(n, null, LogLevel.Error, CancellationToken.None);
    await Run(cluster, "baseline", 1.0, quick ? 40 : 200, Granularity.Cluster, 2 * concurrency);   // warm-up: a fresh silo's code paths tier up
    // Twice the default lanes, so that with three silos each still has a lane or two to run.
    silos.Add(new SiloFigure(n, Median.Of(await Repeat(quick ? 2 : 3, () => Run(cluster, "baseline", 1.0, orleansReplications / 2, Granularity.Cluster, 2 * concurrency)))));
}

var figures = new Figures(Machine.Describe(), quick, province.EnterpriseCount, repetitions, single, orleans, orleansWide, orleansReplications, concurrency,
    enterpriseRate, small.EnterpriseCount, ClusterPopulation.BytesPerEnterprise, allocated, largeFigure, smallFigure,
    scenariosSeconds, scenarioReplications, silos, outcomeBytes, orleansCpu, orleansCpuWide, siloHeap, console, load.OtherCores());
// With --json the table still goes to stderr, so one run gives both and stdout stays machine-readable.
Report.Table(json ? Console.Error : Console.Out, figures);
if (json) Report.Json(Console.Out, figures);
return 0;

async Task<double> Run(EmbeddedSilos silos, string scenario, double scale, int replications, Granularity granularity, int? lanes = null)
{
    var timing = await RunDriver.RunAsync(silos.Grains, RunDriver.Request(config, scenario, scale, replications, 1, granularity, lanes ?? concurrency));
    return timing.EnterpriseYearsPerSecond;
}

async Task<List<double>> Repeat(int times, Func<Task<double>> measure)
{
    var values = new List<double>();
    for (int i = 0; i < times; i++) values.Add(await measure());
    return values;
}

async Task<RunFigure> MeasuredRun(int replications)
{
    await using var silo = await EmbeddedSilos.StartAsync(1, null, LogLevel.Error, CancellationToken.None);
    await Run(silo, "baseline", 1.0, quick ? 20 : 100, Granularity.Cluster);   // warm-up, outside the measured peak
    bool perRun = MemoryProbe.Reset();
    var timing = await RunDriver.RunAsync(silo.Grains, RunDriver.Request(config, "baseline", 1.0, replications, 1, Granularity.Cluster, concurrency));
    var memory = MemoryProbe.Read(perRun);
    // The live heap without the state arrays the silo keeps for its next run's grains: what the runs left behind.
    return new RunFigure(replications, timing.Seconds, timing.EnterpriseYearsPerSecond, memory with { GcHeapBytes = memory.GcHeapBytes - silo.PooledStateBytes });
}
