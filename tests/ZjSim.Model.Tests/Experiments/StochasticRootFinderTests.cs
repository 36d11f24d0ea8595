using MathNet.Numerics.Distributions;
using ZjSim.Model.Experiments;

namespace ZjSim.Model.Tests.Experiments;

public class StochasticRootFinderTests
{
    private const int BatchSize = 50;

    /// <summary>
    /// A synthetic goal: replication r of batch b is met when its uniform U(b, r) is below P(θ). The uniforms depend on
    /// (b, r) only, so every lever value sees the same ones: common random numbers, as the grains give.
    /// </summary>
    private static StochasticRootFinder.Evaluate Problem(Func<double, double> probability, List<double> tried) => (lever, batch, _) =>
    {
        tried.Add(lever);
        var random = new System.Random(1000 + batch);
        return Task.FromResult(Enumerable.Range(0, BatchSize).Select(_ => random.NextDouble() < probability(lever)).ToArray());
    };

    [Fact]
    public async Task A_rising_probability_is_crossed_within_the_bracket()
    {
        // P(θ) = Φ(θ - 3): P ≥ 0.9 from θ* = 3 + z_0.9.
        double root = 3 + Normal.InvCDF(0, 1, 0.9);
        var finder = new StochasticRootFinder { Target = 0.9, Low = 0, High = 10, Tolerance = 0.05 };
        var tried = new List<double>();
        var result = await finder.FindAsync(Problem(t => Normal.CDF(0, 1, t - 3), tried));

        Assert.True(result.Found);
        Assert.True(result.Rising);
        Assert.InRange(root, result.BracketLow, result.BracketHigh);
        Assert.InRange(result.Lever, result.BracketLow, result.BracketHigh);
        Assert.Equal(tried.Count * BatchSize, result.RunsSpent);
        Assert.True(result.BracketHigh - result.BracketLow < 2, $"bracket [{result.BracketLow}, {result.BracketHigh}]");
    }

    [Fact]
    public async Task A_falling_probability_gives_the_largest_lever_that_meets_the_target()
    {
        // P(θ) = 1 - (θ / 100): P ≥ 0.7 up to θ* = 30; a whole-number lever.
        var finder = new StochasticRootFinder { Target = 0.7, Low = 0, High = 100, Tolerance = 1, Integer = true };
        var result = await finder.FindAsync(Problem(t => 1 - t / 100, []));
        Assert.True(result.Found);
        Assert.False(result.Rising);
        Assert.InRange(30, result.BracketLow, result.BracketHigh);
        Assert.Equal(Math.Round(result.Lever), result.Lever);
    }

    [Fact]
    public async Task A_target_out_of_reach_is_reported_as_not_found()
    {
        var finder = new StochasticRootFinder { Target = 0.95, Low = 0, High = 1, Tolerance = 0.01 };
        var result = await finder.FindAsync(Problem(t => 0.2 + 0.3 * t, []));
        Assert.False(result.Found);
        Assert.True(result.Probability.Upper < 0.95);
    }
}
