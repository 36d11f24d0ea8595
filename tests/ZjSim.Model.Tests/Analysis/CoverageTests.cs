using ZjSim.Model.Analysis;

namespace ZjSim.Model.Tests.Analysis;

public sealed class CoverageTests
{
    // 0, 1, …, 100: R-7 quantiles fall on members, so the central 50% interval is [25, 75] and the 90% one [5, 95].
    private static readonly double[] Ensemble = [.. Enumerable.Range(0, 101).Select(i => (double)i).Reverse()];

    [Fact]
    public void Central_intervals_are_the_ensembles_quantiles()
    {
        Assert.Equal(new Interval(50, 25, 75), Coverage.Central(Ensemble, 0.5));
        var ninety = Coverage.Central(Ensemble, 0.9);   // the tail (1 − 0.9)/2 is 0.05 only to rounding
        Assert.Equal(5, ninety.Lower, 9);
        Assert.Equal(95, ninety.Upper, 9);
        // R-7 between members: 0..3 has its 25% quantile at 0.75.
        Assert.Equal(0.75, Coverage.Central([3, 0, 2, 1, double.NaN], 0.5).Lower, 12);
    }

    [Theory]
    [InlineData(25, true, true)]
    [InlineData(75, true, true)]
    [InlineData(75.5, false, true)]
    [InlineData(24, false, true)]
    [InlineData(5, false, true)]
    [InlineData(95.01, false, false)]
    [InlineData(-1, false, false)]
    public void An_observation_is_inside_or_not(double y, bool in50, bool in90)
    {
        Assert.Equal(in50, Coverage.Inside50(Ensemble, y));
        Assert.Equal(in90, Coverage.Inside90(Ensemble, y));
    }

    [Fact]
    public void The_rate_counts_the_observations_inside()
    {
        var rate = Coverage.Rate([true, true, false, true]);
        Assert.Equal(0.75, rate.Estimate);
        Assert.Equal(Proportion.Wilson(3, 4), rate);
        Assert.Throws<ArgumentOutOfRangeException>(() => Coverage.Central(Ensemble, 1));
    }
}
