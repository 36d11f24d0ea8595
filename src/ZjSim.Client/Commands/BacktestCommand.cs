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
/// through 2021 with the single-thread reference (replications in parallel), against the observed series.
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
        return new HistoricalCommand(command, (parsed, config, console, error, cancellation) =>
            Execute(common.Read(parsed, YearParameters.DataBaseYear, config), console, error, cancellation));
    }

    public static Task<int> Execute(HistoricalOptions o, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        Scenario scenario;
        ObservedData data;
        try
        {
            o.Check();
            string configDir = ConfigDirectory.Locate(o.ConfigDirectory);
            data = ObservedData.Load(ObservedData.PathIn(configDir));
            scenario = HistoricalStart.Load(o.Scenario, configDir, o.From, o.Through, o.Scale);
        }
        catch (Exception e) when (e is UsageException or ConfigException)
        {
            error.WriteLine($"zjsim backtest: {e.Message}");
            return Task.FromResult(ExitCodes.BadInput);
        }

        console.MarkupLine($"[grey]backtest: {Markup.Escape(scenario.Name)} from the end of {o.From} to {o.Through}, {o.Replications} replications, seed {o.Seed}, scale {o.Scale}{Uncertain(scenario)}[/]");
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
        HistoricalReport.PrintBacktest(console, data, Backtest.Rows(data, scenario, tables));
        console.MarkupLine($"{o.Replications} replications in {clock.Elapsed.TotalSeconds:0.0} s. Band: 5th to 95th percentile over replications; titles are scaled up from the simulated share of the province.");
        return Task.FromResult(ExitCodes.Ok);
    }

    private static string Uncertain(Scenario s) =>
        s.Uncertainty.IsEmpty ? "" : $"; uncertain: {string.Join(", ", s.Uncertainty.Parameters.Select(p => p.Path))}";
}
