using System.CommandLine;

namespace ZjSim.Client.Commands;

/// <summary>
/// The options backtest and calibrate both take (scenario, start year, replications, seed, scale), declared
/// once; each command gives its own scenario wording and defaults and adds what is its own.
/// </summary>
public sealed class HistoricalOptionSet(string scenarioDescription, int defaultReplications, string replicationsDescription, double defaultScale)
{
    public Option<string> Scenario { get; } = new("--scenario", "-s") { Description = scenarioDescription, DefaultValueFactory = _ => "baseline" };
    public Option<int> From { get; } = new("--from") { Description = "The start year; config/zhejiang/start-YEAR.json holds its state", DefaultValueFactory = _ => BacktestCommand.DefaultFrom };
    public Option<int> Replications { get; } = new("--replications", "-n") { Description = replicationsDescription, DefaultValueFactory = _ => defaultReplications };
    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the random streams", DefaultValueFactory = _ => 1 };
    public Option<double> Scale { get; } = new("--scale") { Description = "Share of the province to simulate, in (0, 1]", DefaultValueFactory = _ => defaultScale };

    public HistoricalOptions Read(ParseResult parsed, int through, string? config) =>
        new(parsed.GetValue(Scenario)!, parsed.GetValue(From), through, parsed.GetValue(Replications), parsed.GetValue(Seed), parsed.GetValue(Scale), config);
}
