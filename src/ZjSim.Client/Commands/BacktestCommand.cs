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
        var scenario = new Option<string>("--scenario", "-s") { Description = "A scenario name under config/scenarios, or a path", DefaultValueFactory = _ => "baseline" };
        var from = new Option<int>("--from") { Description = "The start year; config/zhejiang/start-YEAR.json holds its state", DefaultValueFactory = _ => DefaultFrom };
        var replications = new Option<int>("--replications", "-n") { Description = "Number of replications", DefaultValueFactory = _ => DefaultReplications };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the random streams", DefaultValueFactory = _ => 1 };
        var scale = new Option<double>("--scale") { Description = "Share of the province to simulate, in (0, 1]", DefaultValueFactory = _ => DefaultScale };
        var command = new Command("backtest", "Simulate the observed years from a past start and compare with Zhejiang's record")
        {
            scenario, from, replications, seed, scale,
        };
        return new HistoricalCommand(command, (parsed, config, console, error, cancellation) => Execute(
            new HistoricalOptions(parsed.GetValue(scenario)!, parsed.GetValue(from), YearParameters.DataBaseYear,
                parsed.GetValue(replications), parsed.GetValue(seed), parsed.GetValue(scale), config), console, error, cancellation));
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
