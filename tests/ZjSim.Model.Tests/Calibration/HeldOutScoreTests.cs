using ZjSim.Model.Analysis;
using ZjSim.Model.Calibration;

namespace ZjSim.Model.Tests.Calibration;

/// <summary>Held-out scores: bands, inside, and the CRPS, threshold-weighted for a "more than" figure, against hand-computed values.</summary>
public sealed class HeldOutScoreTests
{
    private static ObservationTarget Target(double observed, bool lowerBound)
    {
        var error = lowerBound ? new ObservationError(ObservationError.LowerBound, 0.026, "test") : new ObservationError(ObservationError.Official, 0.03, "test");
        var point = new ObservedPoint("2021", 2021, observed, "test", Bound: lowerBound ? ObservedPoint.LowerBound : null);
        return new ObservationTarget(new ObservedSeries("s", "billion yuan", "gdp", [point]), point, error);
    }

    private static readonly double[] OneToTen = [.. Enumerable.Range(1, 10).Select(i => (double)i)];

    [Fact]
    public void A_lower_bound_scores_only_the_predictive_mass_below_it()
    {
        // ∫_{−∞}^{5.5} F(z)² dz for the ensemble 1..10: F = k/10 on [k, k+1), so Σ_{k=1}^{4} (k/10)² + (5/10)² × 0.5 = 0.425.
        Assert.Equal(0.425, HeldOutScore.Of(Target(5.5, lowerBound: true), OneToTen).Crps, 12);
        // All mass above the bound: nothing to charge. All of it d below: F = 1 on [X − d, X], so d.
        Assert.Equal(0, HeldOutScore.Of(Target(0.5, lowerBound: true), OneToTen).Crps, 12);
        Assert.Equal(1.5, HeldOutScore.Of(Target(8, lowerBound: true), Enumerable.Repeat(6.5, 5).ToArray()).Crps, 12);
    }

    [Fact]
    public void A_two_sided_figure_takes_the_plain_crps_and_the_central_bands()
    {
        var s = HeldOutScore.Of(Target(5.5, lowerBound: false), OneToTen);
        Assert.Equal(Crps.Of(OneToTen, 5.5), s.Crps, 12);
        Assert.True(s.Crps > HeldOutScore.Of(Target(5.5, lowerBound: true), OneToTen).Crps);   // the bound forgives the mass above it
        Assert.Equal(Quantiles.Of(OneToTen, 0.05), s.Band90.Lower, 12);
        Assert.Equal(Quantiles.Of(OneToTen, 0.95), s.Band90.Upper, 12);
        Assert.Equal(Quantiles.Of(OneToTen, 0.25), s.Band50.Lower, 12);
        Assert.Equal(Quantiles.Of(OneToTen, 0.75), s.Band50.Upper, 12);
        Assert.True(s.Inside50 && s.Inside90);
        Assert.Equal(s.Crps / 5.5, s.RelativeCrps, 12);
    }

    [Fact]
    public void A_lower_bound_is_inside_a_band_that_reaches_it_even_from_above()
    {
        // The band 1.45..9.55 lies wholly above 1 and reaches 9: "more than 1" and "more than 9" are inside, "more than 9.6" is not.
        Assert.True(HeldOutScore.Of(Target(1, lowerBound: true), OneToTen).Inside90);
        Assert.False(HeldOutScore.Of(Target(1, lowerBound: false), OneToTen).Inside90);
        Assert.True(HeldOutScore.Of(Target(9, lowerBound: true), OneToTen).Inside90);
        Assert.False(HeldOutScore.Of(Target(9, lowerBound: true), OneToTen).Inside50);   // the 50% band ends at 7.75
        Assert.False(HeldOutScore.Of(Target(9.6, lowerBound: true), OneToTen).Inside90);
    }
}
