using System.Diagnostics;
using ZjSim.Hosting.Telemetry;
using Spectre.Console;
using ZjSim.Hosting;
using ZjSim.Client.Output;
using ZjSim.Client.Results;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Client.Commands;

/// <summary>`zjsim run`: one scenario, N replications, on an embedded silo or a cluster; prints the goal table and writes DIR.</summary>
public static class RunCommand
{
    /// <summary>What the run's replications draw, as the header line says it.</summary>
    public static string Uncertain(Scenario scenario) => (scenario.Uncertainty.Parameters.Count, scenario.Uncertainty.Joint) switch
    {
        (0, null) => "",
        (int n, JointSample j) => ", parameters " + FromPosterior(j, n),
        (1, null) => ", 1 uncertain parameter drawn per replication",
        (int n, null) => $", {n} uncertain parameters drawn per replication",
    };

    /// <summary>Where the replications' parameters come from, for a report's provenance.</summary>
    public static string ParametersDrawn(Scenario scenario) => scenario.Uncertainty.Joint is JointSample j
        ? FromPosterior(j, scenario.Uncertainty.Parameters.Count) + $"; sha256 of the posterior file {j.Sha256[..Math.Min(12, j.Sha256.Length)]}"
        : Uncertain(scenario) is { Length: > 0 } drawn ? drawn.TrimStart(',', ' ')
        : "fixed: the scenario's values in every replication (no parameter uncertainty)";

    private static string FromPosterior(JointSample j, int more) =>
        $"drawn per replication from the posterior ({j.Particles.Count} particles, {j.Paths.Count} parameters, {j.Source})" + (more > 0 ? $" and {more} more from their priors" : "");

    /// <param name="cluster">The global --cluster address, or null for the embedded silo.</param>
    public static async Task<int> ExecuteAsync(RunOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellation, string? cluster = null)
    {
        RunPlan plan;
        RunFolder folder;
        try
        {
            plan = RunPlan.Prepare(options);
            folder = RunFolder.Reserve(options.OutputDirectory, plan.Request.RunId);
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim run: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (folder)
        {
            var started = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            try
            {
                await using var host = await SimulationHosts.StartAsync(cluster, options.Telemetry, cancellation);
                double startup = clock.Elapsed.TotalSeconds;
                // The root span of the run's trace; it ends before the host (and its exporters) is disposed.
                using var root = RunSpan.Start("zjsim run", plan.Request, plan.Scenario.Parameters.World.Scale);
                console.MarkupLine($"[grey]run {Markup.Escape(plan.Request.RunId)}: {Markup.Escape(plan.Scenario.Name)}, {plan.Request.Replications} replications, seed {plan.Request.Seed}, {plan.Request.Granularity.ToString().ToLowerInvariant()} granularity, scale {plan.Scenario.Parameters.World.Scale}{Uncertain(plan.Scenario)}[/]");
                var sim = (await ProgressDisplay.Follow(console, [plan], report => Simulator.RunAsync(host, [plan], report, cancellation, RetryNotice(console))))[0];
                if (sim.Outcomes.Length == 0)
                {
                    error.WriteLine("zjsim run: cancelled before any replication finished; nothing was written");
                    return ExitCodes.Cancelled;
                }
                var record = sim.ToRecord(folder.FinalPath);
                var provenance = new RunProvenance(plan.Scenario.CanonicalJson, plan.Scenario.SourcePath, Path.GetFullPath(plan.GoalsPath),
                    started, DateTime.UtcNow, startup, sim.Final.ElapsedSeconds, sim.Final.EnterpriseYears, host.Description, root?.TraceId.ToHexString());
                // The charts draw on one core while the tables and Parquet files are written on the other (about 0.5 s
                // each for 1,000 replications); both finish, or the first failure is thrown, before anything is committed.
                var drawing = Task.Run(() => Output.Charts.PaperCharts.Write(folder, [record]));
                var writing = Task.Run(() => ResultFiles.WriteRun(folder, "", record, provenance, options.By));
                await Task.WhenAll(drawing, writing);
                var charts = drawing.Result;
                HtmlReport.Write(folder, [record], null, charts, new ReportProvenance("run", record.RunId, provenance.TraceId, provenance.Host, record.Granularity,
                    ParametersDrawn(plan.Scenario)));
                folder.Commit();
                RunReport.Print(console, record);
                if (cluster is not null) SiloWorkReport.Print(console, sim.Outcomes);
                console.MarkupLine($"{sim.Final.EnterpriseYears:N0} enterprise-years in {sim.Final.ElapsedSeconds:0.00} s on {Markup.Escape(host.Description)}");
                string files = "report.html, manifest.json, indicators.csv, goals.csv" + (plan.Scenario.Uncertainty.IsEmpty ? "" : ", parameters.csv")
                    + options.By switch { Breakdown.Cluster => ", by_cluster.csv", Breakdown.Sector => ", by_sector.csv", _ => "" } + ", charts/";
                console.MarkupLine($"Results written to [bold]{Markup.Escape(folder.FinalPath)}[/] ({files})");
                if (root is not null) console.MarkupLine($"Trace id: [bold]{root.TraceId.ToHexString()}[/]");
                if (!sim.Partial) return ExitCodes.Ok;
                // The one message of a cancelled run, on stderr like every other.
                error.WriteLine($"zjsim run: cancelled; kept the {sim.Outcomes.Length} finished of {plan.Request.Replications} replications in {folder.FinalPath}, marked partial");
                return ExitCodes.Cancelled;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine(cluster is null
                    ? "zjsim run: cancelled; nothing was written"
                    : $"zjsim run: cancelled; nothing was written, and the run goes on in the cluster: 'zjsim --cluster {SimulationHosts.Shown(cluster)} attach {plan.Request.RunId}' fetches it");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is ServiceUnreachableException or UsageException)
            {
                error.WriteLine($"zjsim run: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (SimulationFailedException e)
            {
                error.WriteLine($"zjsim run: the simulation failed: {e.Message}; nothing was written");
                return ExitCodes.Failed;
            }
        }
    }

    /// <summary>Each step the cluster or the client had to redo, one line as it happens.</summary>
    public static Action<string> RetryNotice(IAnsiConsole console) =>
        message => console.MarkupLine($"[yellow]  retry: {Markup.Escape(message)}[/]");
}
