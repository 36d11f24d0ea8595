using System.Globalization;

namespace ZjSim.Model.Tests.Goals;

/// <summary>One goal checked on each replication of a run: its indicator's values, its target and how often it was met.</summary>
public sealed record GoalOutcome(string Goal, double Target, IReadOnlyList<double> Values, int Met)
{
    public int Replications => Values.Count;
    public int Missed => Replications - Met;

    public double Median
    {
        get
        {
            var v = Values.Order().ToArray();
            return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        }
    }

    /// <summary>How a failed assertion reads: the goal, the target and every replication's value.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Goal}: target {Target:G6}, met in {Met}/{Replications}, median {Median:G6}, values [{string.Join(", ", Values.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}]");
}
