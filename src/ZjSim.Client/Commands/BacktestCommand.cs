using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using ZjSim.Client.Output;
using ZjSim.Model;
using ZjSim.Model.Calibration;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim backtest`: the scenario started in a past year from config/zhejiang/start-YEAR.json, simulated
/// through 2021 with the single-thread reference (replications in parallel), against the observed series. With the
/// default --parameters posterior each replication draws one joint posterior particle (the start year's state included),
/// so the bands are the posterior predictive distribution and the check says which observations fall outside them.
/// </summary>
public static class BacktestCommand
{
    public const int DefaultReplications = 40, DefaultFrom = 2018;
    public const double DefaultScale = 1;

    public static HistoricalCommand Define()
    {
        var common = new HistoricalOptionSet("A scenario name under config/scenarios, or a path", DefaultReplications, "Number of replications", DefaultScale);
        var command = new Command("backtest", "Simulate the observed years from a past start and compare with Zhejiang's record")
        {
            common.Scenario, common.From, common.Replications, common.Seed, common.Scale,
        };
        var parameters = ParametersOption();
        command.Add(parameters);
        return new HistoricalCommand(command, (parsed, config, console, error, cancellation) =>
            Execute(common.Read(parsed, YearParameters.DataBaseYear, config), console, error, cancellation, parsed.GetValue(parameters)));
    }

    public static Option<ParameterSource> ParametersOption() => new("--parameters")
    {
        Description = "posterior: each replication draws one joint particle of the calibrated posterior, start-year state included (default: a posterior predictive check); median: the posterior medians in every replication; prior: every uncertain parameter drawn from config/zhejiang/priors.json",
        DefaultValueFactory = _ => ParameterSource.Posterior,
    };

    public static Task<int> Execute(HistoricalOptions o, IAnsiConsole console, TextWriter error, CancellationToken cancellation,
        ParameterSource parameters = ParameterSource.Posterior)
    {
        Scenario scenario;
        ObservedData data;
        try
        {
            o.Check();
            string configDir = ConfigDirectory.Locate(o.ConfigDirectory);
            data = ObservedData.Load(ObservedData.PathIn(configDir));
            scenario = HistoricalStart.Load(o.Scenario, configDir, o.From, o.Through, o.Scale, parameters: parameters);
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim backtest: {e.Message}");
            return Task.FromResult(ExitCodes.BadInput);
        }

        console.MarkupLine($"[grey]backtest: {Markup.Escape(scenario.Name)} from the end of {o.From} to {o.Through}, {o.Replications} replications, seed {o.Seed}, scale {o.Scale}[/]");
        console.MarkupLine($"[grey]parameters: {Markup.Escape(Drawn(parameters, scenario) + RunCommand.Uncertain(scenario))}[/]");
        var clock = Stopwatch.StartNew();
        IndicatorTable[] tables;
        try
        {
            tables = HistoricalRunner.Run(scenario, o.Seed, o.Replications, cancellation: cancellation);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("zjsim backtest: cancelled");
            return Task.FromResult(ExitCodes.Cancelled);
        }
        var rows = Backtest.Rows(data, scenario, tables);
        HistoricalReport.PrintBacktest(console, data, rows);
        console.MarkupLine($"{o.Replications} replications in {clock.Elapsed.TotalSeconds:0.0} s. Band: 5th to 95th percentile over replications; titles are scaled up from the simulated share of the province.");
        console.MarkupLine(Markup.Escape(HistoricalReport.CoverageLine(rows)));
        return Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>Where the replications' parameters come from, in words (the header says it before any number).</summary>
    public static string Drawn(ParameterSource source, Scenario scenario) => (source, scenario.Uncertainty.Joint) switch
    {
        (ParameterSource.Posterior, not null) => "posterior (a posterior predictive check)",
        (ParameterSource.Posterior, null) => "posterior requested, but the scenario names no posterior (calibrated.json has no \"posterior\"): its calibrated values, so the bands carry no parameter uncertainty from the record",
        (ParameterSource.Median, _) => "the posterior medians in every replication (no parameter uncertainty)",
        _ => "prior draws (config/zhejiang/priors.json): what the model says before the record is read",
    };
}
