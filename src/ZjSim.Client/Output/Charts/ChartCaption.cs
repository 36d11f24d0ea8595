using System.Globalization;

namespace ZjSim.Client.Output.Charts;

/// <summary>
/// What a reader of a chart needs to know to trust or reproduce it: the scenarios, replications, seed, world
/// scale and the build's commit. Printed under every chart and in report.html.
/// </summary>
public sealed record ChartCaption(IReadOnlyList<string> Scenarios, int Replications, ulong Seed, double Scale, string Commit)
{
    public string Text
    {
        get
        {
            string scenarios = Scenarios.Count == 1 ? $"scenario {Scenarios[0]}" : $"scenarios {string.Join(", ", Scenarios)} (common random numbers)";
            string commit = Commit == "unknown" ? "unknown" : Commit[..Math.Min(12, Commit.Length)];
            return string.Create(CultureInfo.InvariantCulture,
                $"{scenarios}; {Replications} replications; seed {Seed}; scale {Scale}; ZjSim {ResultFiles.Version}, commit {commit}");
        }
    }
}
