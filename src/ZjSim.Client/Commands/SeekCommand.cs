using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Experiments;
using ZjSim.Hosting;
using ZjSim.GrainInterfaces;
using ZjSim.Model.Experiments;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim seek --goal GOAL --lever PATH --probability P`: the least (or, when the goal's probability falls as the lever
/// rises, the greatest) value of a lever at which P(goal met) ≥ P, by bisection with sequential tests and common random
/// numbers (<see cref="StochasticRootFinder"/>). Batch b at every lever value is a run with seed SEED + b, so the same
/// replications meet every lever value. Each batch is an ordinary run through the run grain (embedded or --cluster).
/// </summary>
public static class SeekCommand
{
    public static ExplorationCommand Define()
    {
        var goal = new Option<string>("--goal") { Description = "The goal (a name in config/goals.json)", Required = true };
        var lever = new Option<string>("--lever") { Description = "The parameter path of the lever, e.g. government.campaigns[0].budget", Required = true };
        var probability = new Option<double>("--probability") { Description = "The probability of meeting the goal to reach, in (0, 1)", Required = true };
        var scenario = new Option<string>("--scenario", "-s") { Description = "The base scenario", DefaultValueFactory = _ => "baseline" };
        var low = new Option<double?>("--low") { Description = "The lever's low end (default: its distribution's, if the scenario makes it uncertain)" };
        var high = new Option<double?>("--high") { Description = "The lever's high end (default: its distribution's)" };
        var tolerance = new Option<double?>("--tolerance") { Description = "Stop when the bracket is this narrow (default: 1/64 of the range; 1 for a whole-number lever)" };
        var batch = new Option<int>("--batch") { Description = "Replications per batch", DefaultValueFactory = _ => 20 };
        var maxBatches = new Option<int>("--max-batches") { Description = "Batches at most per lever value", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the first batch", DefaultValueFactory = _ => 1 };
        var scale = new Option<double?>("--scale") { Description = "Share of the province to simulate, in (0, 1] (default 1)" };
        var command = new Command("seek", "Find the lever value at which a goal's probability reaches a target (stochastic root finding with common random numbers)")
        {
            goal, lever, probability, scenario, low, high, tolerance, batch, maxBatches, seed, scale,
        };
        return new ExplorationCommand(command, (parsed, config, cluster, console, error, cancellation) => Execute(
            new Options(parsed.GetValue(goal)!, parsed.GetValue(lever)!, parsed.GetValue(probability), parsed.GetValue(scenario)!, parsed.GetValue(low),
                parsed.GetValue(high), parsed.GetValue(tolerance), parsed.GetValue(batch), parsed.GetValue(maxBatches), parsed.GetValue(seed), parsed.GetValue(scale), config),
            cluster, console, error, cancellation));
    }

    public sealed record Options(string Goal, string Lever, double Probability, string Scenario, double? Low, double? High, double? Tolerance,
        int Batch, int MaxBatches, ulong Seed, double? Scale, string? Config);

    public static async Task<int> Execute(Options o, string? cluster, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        RunPlan basePlan;
        ExperimentDesign design;
        StochasticRootFinder finder;
        int goalIndex;
        try
        {
            if (!(o.Probability > 0 && o.Probability < 1)) throw new UsageException($"--probability: must lie in (0, 1) (got {o.Probability})");
            if (o.Batch < 1) throw new UsageException($"--batch: at least 1 (got {o.Batch})");
            if (o.MaxBatches < 1) throw new UsageException($"--max-batches: at least 1 (got {o.MaxBatches})");
            basePlan = RunPlan.Prepare(new RunOptions(o.Scenario, o.Batch, o.Seed, null, Granularity.Cluster, o.Scale, o.Config, null));
            goalIndex = basePlan.Goals.Goals.Select(g => g.Name).ToList().IndexOf(o.Goal);
            if (goalIndex < 0) throw new UsageException($"--goal: unknown goal '{o.Goal}' (known: {string.Join(", ", basePlan.Goals.Goals.Select(g => g.Name))})");
            var uncertain = basePlan.Scenario.Uncertainty.Parameters.FirstOrDefault(p => p.Path == o.Lever);
            double low = o.Low ?? uncertain?.Distribution.Support.Lower ?? throw new UsageException($"--low: give the lever's low end ('{o.Lever}' is not uncertain in {o.Scenario}, so it has no range of its own)");
            double high = o.High ?? uncertain?.Distribution.Support.Upper ?? throw new UsageException($"--high: give the lever's high end");
            if (!(low < high)) throw new UsageException($"--low ({low}) must be below --high ({high})");
            // A one-parameter design checks the path and builds (and validates) each lever value's scenario.
            design = ExperimentDesign.Parse("--lever", $$"""{"scenario": "{{o.Scenario}}", "sampler": "lhs", "seed": 0, "parameters": [{"path": {{System.Text.Json.JsonSerializer.Serialize(o.Lever)}}, "min": {{low.ToString("R", CultureInfo.InvariantCulture)}}, "max": {{high.ToString("R", CultureInfo.InvariantCulture)}}}]}""");
            design.PointScenario(basePlan.Scenario, [low]);
            design.PointScenario(basePlan.Scenario, [high]);
            bool whole = design.Parameters[0].WholeNumber;
            double tolerance = o.Tolerance ?? (whole ? 1 : (high - low) / 64);
            if (!(tolerance > 0)) throw new UsageException($"--tolerance: must be above 0 (got {tolerance})");
            finder = new StochasticRootFinder { Target = o.Probability, Low = low, High = high, Tolerance = tolerance, Integer = whole, MaxBatchesPerPoint = o.MaxBatches };
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim seek: {e.Message.Replace("--lever: field 'parameters[0].path'", "--lever:")}");
            return ExitCodes.BadInput;
        }

        SeekResult result;
        try
        {
            await using var host = await SimulationHosts.StartAsync(cluster, null, cancellation);
            string seekId = RunPlan.NewRunId("seek", o.Seed);
            var runner = new PointRunner(host, basePlan, seekId, RunCommand.RetryNotice(console));
            console.MarkupLine($"[grey]seek {Markup.Escape(seekId)}: {Markup.Escape(o.Lever)} in [[{finder.Low}, {finder.High}]] for P({Markup.Escape(o.Goal)}) ≥ {o.Probability}, batches of {o.Batch} replications (seed {o.Seed} + batch: common random numbers), scale {basePlan.Scenario.Parameters.World.Scale}[/]");
            int calls = 0;
            result = await finder.FindAsync(async (value, b, ct) =>
            {
                var scenario = design.PointScenario(basePlan.Scenario, [value]);
                var plan = runner.PlanFor(scenario, $"{seekId}/{calls++}", seed: o.Seed + (ulong)b);
                var sim = (await Simulator.RunAsync(host, [plan], (_, _) => { }, ct, RunCommand.RetryNotice(console)))[0];
                if (sim.Partial || sim.Outcomes.Length != o.Batch) throw new OperationCanceledException();
                var flags = sim.Outcomes.OrderBy(x => x.Replication).Select(x => x.Goals[goalIndex].Met).ToArray();
                console.WriteLine($"  {o.Lever} = {value.ToString("G6", CultureInfo.InvariantCulture)}, batch {b}: {flags.Count(f => f)}/{flags.Length} met");
                return flags;
            }, cancellation);
        }
        catch (ServiceUnreachableException e)
        {
            error.WriteLine($"zjsim seek: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("zjsim seek: cancelled");
            return ExitCodes.Cancelled;
        }
        catch (SimulationFailedException e)
        {
            error.WriteLine($"zjsim seek: the simulation failed: {e.Message}");
            return ExitCodes.Failed;
        }

        string V(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
        var p = result.Probability;
        if (!result.Found)
            console.MarkupLine($"[yellow]Not reached: at {Markup.Escape(o.Lever)} = {V(result.Lever)}, the best end of the range, P({Markup.Escape(o.Goal)}) = {p.Estimate:0.000} [[{p.Lower:0.000}, {p.Upper:0.000}]], below {o.Probability}.[/]");
        else
            console.MarkupLine($"[bold]{Markup.Escape(o.Lever)} = {V(result.Lever)}[/]: the {(result.Rising ? "least" : "greatest")} value judged to give P({Markup.Escape(o.Goal)}) ≥ {o.Probability}; there P = {p.Estimate:0.000} [[{p.Lower:0.000}, {p.Upper:0.000}]] (Wilson interval at the search's per-test level, Bonferroni over its tests). The crossing lies in [[{V(result.BracketLow)}, {V(result.BracketHigh)}]] with at least 95% confidence if P rises (or falls) steadily with the lever.");
        console.MarkupLine($"Runs spent: {result.RunsSpent} replications over {result.Steps.Count} lever values.");
        return ExitCodes.Ok;
    }
}
