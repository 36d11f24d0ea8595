using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using ZjSim.Client.Output;
using ZjSim.Model.Calibration;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim calibrate`: fits the parameters of config/zhejiang/priors.json to the observed series by simulated
/// method of moments (backtest from --from through --through), prints progress and the fit, and writes the
/// fitted values to config/zhejiang/calibrated.json, which the shipped scenarios extend.
/// </summary>
public static class CalibrateCommand
{
    // Settings that run end to end in about two minutes on 2 cores (README states the measured time):
    // a fifth of the province keeps title counts fine-grained enough for the simplex.
    public const int DefaultReplications = 16, DefaultMaxEvaluations = 400;
    public const double DefaultScale = 0.2;

    public static HistoricalCommand Define()
    {
        var common = new HistoricalOptionSet("The scenario whose other parameters the fit holds fixed", DefaultReplications,
            "Replications per evaluation (the same ones every time)", DefaultScale);
        var through = new Option<int>("--through") { Description = "The last observed year fitted", DefaultValueFactory = _ => YearParameters.DataBaseYear };
        var priors = new Option<string?>("--priors") { Description = "The parameters to fit, as distributions over their ranges (default: config/zhejiang/priors.json)" };
        var output = new Option<string?>("--out", "-o") { Description = "Where to write the fitted values (default: config/zhejiang/calibrated.json)" };
        var maxEvaluations = new Option<int>("--max-evaluations") { Description = "Stop after this many evaluations of the objective", DefaultValueFactory = _ => DefaultMaxEvaluations };
        var command = new Command("calibrate", "Fit parameters to Zhejiang's observed series (simulated moments, Nelder-Mead) and write config/zhejiang/calibrated.json")
        {
            common.Scenario, common.From, through, common.Replications, common.Seed, common.Scale, priors, output, maxEvaluations,
        };
        return new HistoricalCommand(command, (parsed, config, console, error, cancellation) => Execute(
            common.Read(parsed, parsed.GetValue(through), config),
            parsed.GetValue(priors), parsed.GetValue(output), parsed.GetValue(maxEvaluations), console, error, cancellation));
    }

    public static Task<int> Execute(HistoricalOptions o, string? priorsOption, string? outOption, int maxEvaluations,
        IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        Scenario scenario;
        ObservedData data;
        IReadOnlyList<FitParameter> fit;
        string outPath;
        try
        {
            o.Check();
            if (maxEvaluations < 10) throw new UsageException($"--max-evaluations: at least 10 (got {maxEvaluations})");
            string configDir = ConfigDirectory.Locate(o.ConfigDirectory);
            data = ObservedData.Load(ObservedData.PathIn(configDir));
            string priorsPath = priorsOption ?? CalibratedFile.PriorsPathIn(configDir);
            if (!File.Exists(priorsPath)) throw new UsageException($"--priors {priorsPath}: not found");
            fit = CalibratedFile.ReadPriors(priorsPath);
            scenario = HistoricalStart.Load(o.Scenario, configDir, o.From, o.Through, o.Scale, [priorsPath]);
            var fixedByStart = fit.FirstOrDefault(p => scenario.Uncertainty.Parameters.All(u => u.Path != p.Path));
            if (fixedByStart is not null)
                throw new UsageException($"{priorsPath}: '{fixedByStart.Path}' is to be fitted, but a later layer ({HistoricalStart.StartFile(configDir, o.From)}) sets it");
            if (outOption is not null && outOption.Trim().Length == 0) throw new UsageException("--out '': must name a file");
            outPath = Path.GetFullPath(outOption ?? CalibratedFile.PathIn(configDir));
            if (Directory.Exists(outPath))
                throw new UsageException($"--out {outOption}: is a folder; give the file to write, such as {CalibratedFile.FileName}");
            if (!Directory.Exists(Path.GetDirectoryName(outPath)))
                throw new UsageException($"--out {outOption}: the folder does not exist");
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim calibrate: {e.Message}");
            return Task.FromResult(ExitCodes.BadInput);
        }

        var settings = new CalibrationSettings(o.Replications, o.Seed, maxEvaluations);
        var calibrator = new Calibrator(data, scenario, fit, settings);
        console.MarkupLine($"[grey]calibrate {Markup.Escape(scenario.Name)}, {o.From} to {o.Through}: {fit.Count} parameters, {calibrator.Targets.Count} observed points[/]");
        console.MarkupLine($"[grey]{o.Replications} replications (the same in every evaluation), seed {o.Seed}, scale {o.Scale}[/]");
        console.MarkupLine($"[grey]Nelder-Mead on logit-scaled parameters, at most {maxEvaluations} evaluations[/]");
        foreach (var p in fit) console.MarkupLine($"[grey]  fit {Markup.Escape(p.Path)} within {Markup.Escape(p.Prior.ToString() ?? "")}[/]");

        CalibrationResult result;
        try
        {
            result = calibrator.Run(p =>
            {
                if (p.IsNewBest || p.Evaluation % 25 == 0)
                    console.MarkupLine($"  evaluation {p.Evaluation,4}: objective {p.Objective,9:0.000000}, best {p.Best:0.000000}{(p.IsNewBest ? " *" : "")}");
            }, cancellation);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("zjsim calibrate: cancelled; nothing was written");
            return Task.FromResult(ExitCodes.Cancelled);
        }

        PrintFitted(console, result);
        HistoricalReport.PrintFit(console, data, result.Points, $"Fit at the fitted values (simulated mean of {o.Replications} replications)");
        foreach (var series in result.Points.GroupBy(p => p.Series))
            console.MarkupLine($"  {Markup.Escape(series.Key)}: root mean square relative error {Math.Sqrt(series.Average(p => p.RelativeError * p.RelativeError)):0.0%}");
        console.MarkupLine($"Objective {result.Objective:0.000000} (at the prior medians {result.StartObjective:0.000000}) after {result.Evaluations} evaluations in {result.Seconds:0.0} s; {(result.Converged ? "converged" : "stopped at the evaluation budget")}.");

        var record = CalibratedFile.Record(result, scenario.Name, o.From, o.Through, o.Seed, o.Replications, o.Scale, data);
        string description = $"Calibrated to Zhejiang's record {o.From}-{o.Through} (zjsim calibrate on {scenario.Name})";
        string temp = outPath + $".partial-{Environment.ProcessId}";
        File.WriteAllText(temp, CalibratedFile.Json(CalibratedFile.Overrides(scenario, fit, result.Values), record, description));
        File.Move(temp, outPath, overwrite: true);
        console.MarkupLine($"Fitted values written to [bold]{Markup.Escape(outPath)}[/]");
        return Task.FromResult(ExitCodes.Ok);
    }

    private static void PrintFitted(IAnsiConsole console, CalibrationResult r)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Fitted parameters")
            .AddColumn(new TableColumn("parameter").NoWrap()).AddColumn("prior")
            .AddColumn(new TableColumn("start").RightAligned()).AddColumn(new TableColumn("fitted").RightAligned());
        for (int k = 0; k < r.Parameters.Count; k++)
        {
            var p = r.Parameters[k];
            string fitted = r.Values[k].ToString("0.####", CultureInfo.InvariantCulture) + (p.AtBound(r.Values[k]) ? " *" : "");
            table.AddRow(Markup.Escape(p.Path), Markup.Escape(p.Prior.ToString() ?? ""), p.Start.ToString("0.####", CultureInfo.InvariantCulture), fitted);
        }
        console.Write(table);
        if (r.Parameters.Select((p, k) => p.AtBound(r.Values[k])).Any(b => b))
            console.MarkupLine("  * against a bound of its prior's range: the record would push it further");
    }
}
