using ZjSim.Model.Analysis;

namespace ZjSim.Model.Tests.Analysis;

public class ProportionTests
{
    // Newcombe (1998) "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Stat Med 17:857-872, Table II: methods 3 (Wilson score) and 5 (Clopper–Pearson), to 4 decimals.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_Newcombe_1998(int k, int n, double lower, double upper)
    {
        var w = Proportion.Wilson(k, n);
        Assert.Equal(lower, w.Lower, 4);
        Assert.Equal(upper, w.Upper, 4);
    }

    [Theory]
    [InlineData(81, 263, 0.2527, 0.3676)]
    [InlineData(15, 148, 0.0578, 0.1617)]
    [InlineData(0, 20, 0.0000, 0.1684)]
    [InlineData(1, 29, 0.0009, 0.1776)]
    public void Clopper_Pearson_matches_Newcombe_1998(int k, int n, double lower, double upper)
    {
        var cp = Proportion.ClopperPearson(k, n);
        Assert.Equal(lower, cp.Lower, 4);
        Assert.Equal(upper, cp.Upper, 4);
    }

    [Fact]
    public void Quantiles_follow_type_7()
    {
        double[] v = [1, 2, 3, 4, 10];
        Assert.Equal(3, Quantiles.Of(v, 0.5));
        Assert.Equal(1.2, Quantiles.Of(v, 0.05), 12);
        Assert.Equal(8.8, Quantiles.Of(v, 0.95), 12);
    }
}
