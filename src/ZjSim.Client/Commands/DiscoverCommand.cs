using System.CommandLine;
using System.Globalization;
using CsvHelper;
using Spectre.Console;
using ZjSim.Client.Experiments;
using ZjSim.Model.Experiments;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim discover DIR --goal GOAL`: scenario discovery by PRIM on an experiment's (point, replication) rows, with
/// "the goal is met" as the case of interest. Prints the chosen box's limits, coverage, density and each restricted
/// parameter's quasi-p-value; writes the peeling trajectory (CSV and chart) under DIR/discover-GOAL/.
/// </summary>
public static class DiscoverCommand
{
    public static ExplorationCommand Define()
    {
        var dir = new Argument<string>("DIR") { Description = "An experiment folder (zjsim experiment)" };
        var goal = new Option<string>("--goal") { Description = "The goal whose being met is the case of interest", Required = true };
        var threshold = new Option<double>("--threshold") { Description = "Least density of the chosen box", DefaultValueFactory = _ => 0.8 };
        var alpha = new Option<double>("--alpha") { Description = "Share of the box's cases peeled at each step", DefaultValueFactory = _ => 0.05 };
        var mass = new Option<double>("--min-mass") { Description = "Peeling stops before the box holds less than this share of the cases", DefaultValueFactory = _ => 0.05 };
        var command = new Command("discover", "Scenario discovery (PRIM): the region of the varied parameters in which a goal is met")
        {
            dir, goal, threshold, alpha, mass,
        };
        return new ExplorationCommand(command, (parsed, _, _, console, error, _) => Task.FromResult(Execute(parsed.GetValue(dir)!, parsed.GetValue(goal)!,
            parsed.GetValue(threshold), parsed.GetValue(alpha), parsed.GetValue(mass), console, error)));
    }

    public static int Execute(string dir, string goal, double threshold, double alpha, double minimumMass, IAnsiConsole console, TextWriter error)
    {
        ExperimentData data;
        int g;
        try
        {
            if (!(threshold > 0 && threshold <= 1)) throw new UsageException($"--threshold: must lie in (0, 1] (got {threshold})");
            if (!(alpha > 0 && alpha < 0.5)) throw new UsageException($"--alpha: must lie in (0, 0.5) (got {alpha})");
            if (!(minimumMass > 0 && minimumMass < 1)) throw new UsageException($"--min-mass: must lie in (0, 1) (got {minimumMass})");
            data = ExperimentData.Load(dir);
            g = data.Columns.Goals.ToList().IndexOf(goal);
            if (g < 0) throw new UsageException($"--goal: unknown goal '{goal}' (known: {string.Join(", ", data.Columns.Goals)})");
            if (data.Points.Count == 0) throw new UsageException($"{dir}: the experiment has no finished point");
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim discover: {e.Message}");
            return ExitCodes.BadInput;
        }

        var cases = data.Points.SelectMany(p => p.Replications.Select(r => (p.Values, r.Met[g]))).ToList();
        int met = cases.Count(c => c.Item2);
        if (met == 0)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(goal)} is met in none of the {cases.Count} runs: there is no region to describe. Widen the ranges of the levers.[/]");
            return ExitCodes.Ok;
        }
        var result = Prim.Run(cases.Select(c => c.Values).ToArray(), cases.Select(c => c.Item2).ToArray(), data.Design.Paths, alpha, minimumMass, threshold);
        var box = result.Box;

        string folder = Path.Combine(data.Folder.Path, $"discover-{SensitivityCommand.FileName(goal)}");
        Directory.CreateDirectory(folder);
        static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.ToFile(Path.Combine(folder, "trajectory.csv"), new CsvWriterOptions { NewLine = "\n" }))
        {
            csv.WriteRecord(new[] { "step", "coverage", "density", "mass", "cases", "cases_of_interest" }
                .Concat(data.Design.Paths.SelectMany(p => new[] { $"{p}_low", $"{p}_high" })).ToArray());
            foreach (var b in result.Trajectory)
                csv.WriteRecord(new[] { b.Step.ToString(CultureInfo.InvariantCulture), N(b.Coverage), N(b.Density), N(b.Mass), b.Cases.ToString(CultureInfo.InvariantCulture), b.CasesOfInterest.ToString(CultureInfo.InvariantCulture) }
                    .Concat(b.Lower.Zip(b.Upper).SelectMany(x => new[] { N(x.First), N(x.Second) })).ToArray());
        }
        using (var csv = CsvWriter.ToFile(Path.Combine(folder, "box.csv"), new CsvWriterOptions { NewLine = "\n" }))
        {
            csv.WriteRecord(["parameter", "low", "high", "quasi_p"]);
            foreach (var r in result.Restrictions) csv.WriteRecord([r.Parameter, N(r.Lower), N(r.Upper), N(r.QuasiPValue)]);
        }
        File.WriteAllBytes(Path.Combine(folder, "peeling.png"), ExplorationCharts.Peeling($"PRIM peeling for {goal}", result));

        console.MarkupLine($"[bold]{Markup.Escape(goal)}[/] is met in {met} of {cases.Count} runs ({(double)met / cases.Count:P1}).");
        console.MarkupLine($"Chosen box (step {box.Step} of {result.Trajectory.Count - 1}): coverage {box.Coverage:0.000}, density {box.Density:0.000}, mass {box.Mass:0.000} ({box.Cases} runs).");
        var table = new Table().AddColumns("restricted parameter", "low", "high", "full range", "quasi-p");
        var initial = result.Trajectory[0];
        foreach (var r in result.Restrictions)
        {
            int j = data.Design.Paths.ToList().IndexOf(r.Parameter);
            table.AddRow(Markup.Escape(r.Parameter), r.Lower.ToString("G4", CultureInfo.InvariantCulture), r.Upper.ToString("G4", CultureInfo.InvariantCulture),
                $"[[{initial.Lower[j].ToString("G4", CultureInfo.InvariantCulture)}, {initial.Upper[j].ToString("G4", CultureInfo.InvariantCulture)}]]",
                r.QuasiPValue.ToString("0.###E+0", CultureInfo.InvariantCulture));
        }
        if (result.Restrictions.Count == 0) console.MarkupLine("No parameter is restricted: the goal's rate is the same everywhere in the design.");
        else console.Write(table);
        console.MarkupLine("Coverage: share of all runs that met the goal that lie in the box. Density: share of the box's runs that met it. Quasi-p: chance of the box's density were that limit dropped (small = the limit matters).");
        console.MarkupLine($"Written to [bold]{Markup.Escape(folder)}[/] (trajectory.csv, box.csv, peeling.png)");
        return ExitCodes.Ok;
    }
}
