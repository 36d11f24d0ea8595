using ZjSim.Model.Experiments;

namespace ZjSim.Model.Tests.Experiments;

public class PrimTests
{
    [Fact]
    public void A_planted_box_is_recovered_with_its_dimensions_significant()
    {
        // Cases of interest: x1 > 0.6 and x2 < 0.3, with 5% of labels flipped at random; x3 and x4 are noise.
        var random = new System.Random(2024);
        var x = Enumerable.Range(0, 3000).Select(_ => Enumerable.Range(0, 4).Select(_ => random.NextDouble()).ToArray()).ToArray();
        var y = x.Select(r => (r[0] > 0.6 && r[1] < 0.3) ^ (random.NextDouble() < 0.05)).ToArray();

        var result = Prim.Run(x, y, ["x1", "x2", "x3", "x4"], threshold: 0.8);
        var box = result.Box;

        // The box's edges sit within a peel's width (α of the remaining cases) of the planted ones.
        Assert.InRange(box.Lower[0], 0.55, 0.65);
        Assert.InRange(box.Upper[1], 0.25, 0.35);
        // Inside the planted box the density is 0.95 (5% flipped); outside, 0.05.
        Assert.True(box.Density >= 0.8, $"density {box.Density}");
        Assert.True(box.Coverage >= 0.75, $"coverage {box.Coverage}");
        var restricted = result.Restrictions.ToDictionary(r => r.Parameter);
        Assert.True(restricted["x1"].QuasiPValue < 1e-6);
        Assert.True(restricted["x2"].QuasiPValue < 1e-6);
        // Noise dimensions, if peeled at all, are not significant.
        foreach (var noise in new[] { "x3", "x4" })
            if (restricted.TryGetValue(noise, out var r)) Assert.True(r.QuasiPValue > 0.01, $"{noise}: {r.QuasiPValue}");
    }

    [Fact]
    public void The_trajectory_starts_with_every_case_and_only_shrinks()
    {
        var random = new System.Random(1);
        var x = Enumerable.Range(0, 500).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(r => r[0] + r[1] > 1.2).ToArray();
        var t = Prim.Run(x, y, ["a", "b"]).Trajectory;
        Assert.Equal(1.0, t[0].Coverage);
        Assert.Equal(1.0, t[0].Mass);
        for (int i = 1; i < t.Count; i++)
        {
            Assert.True(t[i].Mass < t[i - 1].Mass);
            Assert.True(t[i].Coverage <= t[i - 1].Coverage);
            Assert.True(t[i].Mass >= 0.05);
        }
        Assert.True(t[^1].Density > t[0].Density);
    }
}
