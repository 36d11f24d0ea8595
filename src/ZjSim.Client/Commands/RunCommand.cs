using System.Diagnostics;
using Spectre.Console;
using ZjSim.Client.Hosting;
using ZjSim.Client.Output;
using ZjSim.GrainInterfaces;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>`zjsim run`: one scenario, N replications, on an embedded silo; prints the goal table and writes DIR.</summary>
public static class RunCommand
{
    public static async Task<int> ExecuteAsync(RunOptions options, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
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
                await using var host = await EmbeddedSilo.StartAsync(cancellation);
                double startup = clock.Elapsed.TotalSeconds;
                console.MarkupLine($"[grey]run {Markup.Escape(plan.Request.RunId)}: {Markup.Escape(plan.Scenario.Name)}, {plan.Request.Replications} replications, seed {plan.Request.Seed}, {plan.Request.Granularity.ToString().ToLowerInvariant()} granularity, scale {plan.Scenario.Parameters.World.Scale}[/]");
                var (outcomes, goals, final) = await WithProgress(console, plan, host, cancellation);
                var result = new RunResult(plan, outcomes, goals, final.EnterpriseYears, started, DateTime.UtcNow,
                    startup, final.ElapsedSeconds, host.Description);
                ResultFiles.WriteAll(folder, result);
                folder.Commit();
                RunReport.Print(console, result);
                console.MarkupLine($"Results written to [bold]{Markup.Escape(folder.FinalPath)}[/] (manifest.json, indicators.csv, goals.csv)");
                return ExitCodes.Ok;
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("zjsim run: cancelled; nothing was written");
                return ExitCodes.Cancelled;
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
            }, cancellation);
        }
        (ReplicationOutcome[], GoalTally[], RunProgress) result = default;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(plan.Scenario.Name), maxValue: total);
                result = await Simulator.RunAsync(host, plan.Request, p => task.Value = p.Completed, cancellation);
            });
        return result;
    }
}
