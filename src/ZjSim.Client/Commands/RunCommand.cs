using System.Diagnostics;
using Spectre.Console;
using ZjSim.Client.Hosting;
using ZjSim.Client.Output;
using ZjSim.GrainInterfaces;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>`zjsim run`: one scenario, N replications, on an embedded silo or a cluster; prints the goal table and writes DIR.</summary>
public static class RunCommand
{
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
                await using var host = await SimulationHosts.StartAsync(cluster, cancellation);
                double startup = clock.Elapsed.TotalSeconds;
                console.MarkupLine($"[grey]run {Markup.Escape(plan.Request.RunId)}: {Markup.Escape(plan.Scenario.Name)}, {plan.Request.Replications} replications, seed {plan.Request.Seed}, {plan.Request.Granularity.ToString().ToLowerInvariant()} granularity, scale {plan.Scenario.Parameters.World.Scale}[/]");
                var (outcomes, goals, final) = await WithProgress(console, plan, host, cancellation);
                var result = new RunResult(plan, outcomes, goals, final.EnterpriseYears, started, DateTime.UtcNow,
                    startup, final.ElapsedSeconds, host.Description);
                ResultFiles.WriteAll(folder, result);
                folder.Commit();
                RunReport.Print(console, result);
                if (cluster is not null) SiloWorkReport.Print(console, outcomes);
                console.MarkupLine($"Results written to [bold]{Markup.Escape(folder.FinalPath)}[/] (manifest.json, indicators.csv, goals.csv)");
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("zjsim run: cancelled; nothing was written");
                if (cluster is not null)
                    error.WriteLine($"zjsim run: the run goes on in the cluster; 'zjsim --cluster {cluster} attach {plan.Request.RunId}' fetches it");
                return ExitCodes.Cancelled;
            }
            catch (Exception e) when (e is ClusterUnreachableException or UsageException)
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

    private static async Task<(ReplicationOutcome[], GoalTally[], RunProgress)> WithProgress(
        IAnsiConsole console, RunPlan plan, ISimulationHost host, CancellationToken cancellation)
    {
        int total = plan.Request.Replications;
        if (!console.Profile.Capabilities.Interactive)
        {
            // Redirected output (CI, a pipe): a line per tenth of the run instead of a redrawn bar.
            int lastTenth = -1;
            return await Simulator.RunAsync(host, plan.Request, p =>
            {
                int tenth = p.Completed * 10 / Math.Max(1, total);
                if (tenth != lastTenth)
                {
                    lastTenth = tenth;
                    console.WriteLine($"  {p.Completed}/{total} replications, {p.ElapsedSeconds:0.0} s");
                }
            }, cancellation, RetryNotice(console));
        }
        (ReplicationOutcome[], GoalTally[], RunProgress) result = default;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(plan.Scenario.Name), maxValue: total);
                result = await Simulator.RunAsync(host, plan.Request, p => task.Value = p.Completed, cancellation, RetryNotice(console));
            });
        return result;
    }

    /// <summary>Each step the cluster or the client had to redo, one line as it happens.</summary>
    public static Action<string> RetryNotice(IAnsiConsole console) =>
        message => console.MarkupLine($"[yellow]  retry: {Markup.Escape(message)}[/]");
}
