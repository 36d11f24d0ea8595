using ZjSim.Model.Experiments;

namespace ZjSim.Model.Tests.Experiments;

public class SamplerTests
{
    [Fact]
    public void A_latin_hypercube_has_one_point_in_every_stratum_of_every_parameter()
    {
        var rows = LatinHypercube.Sample(50, 4, seed: 9);
        Assert.Equal(50, rows.Length);
        for (int j = 0; j < 4; j++)
            Assert.Equal(Enumerable.Range(0, 50), rows.Select(r => (int)(r[j] * 50)).Order());
    }

    [Fact]
    public void A_latin_hypercube_is_reproducible_from_its_seed()
    {
        Assert.Equal(LatinHypercube.Sample(10, 3, 4), LatinHypercube.Sample(10, 3, 4));
        Assert.NotEqual(LatinHypercube.Sample(10, 3, 4), LatinHypercube.Sample(10, 3, 5));
    }

    [Fact]
    public void A_full_factorial_grid_holds_every_combination_once()
    {
        var rows = FullFactorial.Sample([3, 2, 4]);
        Assert.Equal(24, rows.Length);
        Assert.Equal(24, rows.Select(r => string.Join(",", r)).Distinct().Count());
        Assert.Equal([0.0, 0.0, 0.0], rows[0]);
        Assert.Equal([1.0, 1.0, 1.0], rows[^1]);
        Assert.Equal([0, 0.5, 1], rows.Select(r => r[0]).Distinct().Order());
    }
}
