using ZjSim.Model.Experiments;

namespace ZjSim.Model.Tests.Experiments;

public class MorrisTests
{
    private static readonly string[] Names = ["x1", "x2", "x3", "x4", "x5", "x6"];

    // Linear in x1..x4 with known slopes; x5 and x6 interact, so their effects vary with where they are taken.
    private static double F(double[] x) => 8 * x[0] + 4 * x[1] + 1 * x[2] + 0 * x[3] + 12 * x[4] * x[5];

    [Fact]
    public void Elementary_effects_rank_the_parameters_by_their_known_influence()
    {
        var points = MorrisDesign.Sample(trajectories: 60, parameters: 6, levels: 4, seed: 11);
        var effects = MorrisDesign_Analyze(points);

        // Linear parameters: every elementary effect is the slope, so μ* is it exactly and σ is zero.
        double[] slopes = [8, 4, 1, 0];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(slopes[i], effects[i].MuStar.Estimate, 9);
            Assert.Equal(0, effects[i].Sigma, 9);
        }
        // The interacting pair: EE_5 = 12 x6, so E|EE_5| = 12 E[x6] = 6 on the grid's uniform levels; σ > 0 shows the interaction.
        foreach (int i in new[] { 4, 5 })
        {
            Assert.InRange(6.0, effects[i].MuStar.Lower, effects[i].MuStar.Upper);
            Assert.True(effects[i].Sigma > 1);
        }
        var ranking = effects.OrderByDescending(e => e.MuStar.Estimate).Select(e => e.Parameter).ToArray();
        Assert.Equal("x1", ranking[0]);
        Assert.Equal(["x2", "x3", "x4"], ranking[^3..]);
    }

    [Fact]
    public void Each_step_of_a_trajectory_moves_one_parameter_by_delta_inside_the_cube()
    {
        var points = MorrisDesign.Sample(trajectories: 10, parameters: 5, levels: 6, seed: 1);
        double delta = MorrisDesign.Delta(6);
        for (int t = 0; t < 10; t++)
        {
            var moved = new HashSet<int>();
            for (int s = 0; s < 5; s++)
            {
                var (x, y) = (points[t * 6 + s], points[t * 6 + s + 1]);
                var changed = Enumerable.Range(0, 5).Where(i => x[i] != y[i]).ToArray();
                Assert.Single(changed);
                Assert.Equal(delta, Math.Abs(y[changed[0]] - x[changed[0]]), 12);
                moved.Add(changed[0]);
                Assert.All(y, v => Assert.InRange(v, 0, 1));
            }
            Assert.Equal(5, moved.Count);
        }
    }

    private static IReadOnlyList<MorrisEffect> MorrisDesign_Analyze(double[][] points) =>
        ElementaryEffects.Analyze(points, points.Select(F).ToArray(), Names, resamples: 1000, seed: 5);
}
