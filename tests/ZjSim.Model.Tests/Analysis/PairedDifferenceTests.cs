using ZjSim.Model.Analysis;

namespace ZjSim.Model.Tests.Analysis;

public class PairedDifferenceTests
{
    private static bool[] Bits(string s) => s.Select(c => c == '1').ToArray();

    [Fact]
    public void Estimate_is_discordant_pairs_over_n()
    {
        // 4 pairs met by both, 2 only by B, 1 only by A, 3 by neither: (2 − 1) / 10.
        var a = Bits("1111100000");
        var b = Bits("1111011000");
        var d = PairedDifference.Proportions(a, b);
        Assert.Equal(0.1, d.Estimate, 12);
        Assert.True(d.Lower < 0.1 && d.Upper > 0.1);
        Assert.InRange(d.Lower, -1, 1);
        Assert.InRange(d.Upper, -1, 1);
    }

    [Fact]
    public void Hybrid_score_limits_match_a_hand_computation()
    {
        // Table: both = 4, only A = 0, only B = 2, neither = 4 (n = 10). Wilson 95% limits:
        // A: 4/10 → (0.168180, 0.687326); B: 6/10 → (0.312674, 0.831820).
        // φ = (4·4 − 0·2) / sqrt(4·6·6·4) = 16/24 = 0.666667.
        // δ = sqrt(0.287326² − 2φ·0.287326·0.287326 + 0.287326²) = 0.287326·sqrt(2 − 2φ) = 0.234601
        // ε = sqrt(0.231820² − 2φ·0.231820·0.231820 + 0.231820²) = 0.231820·sqrt(2 − 2φ) = 0.189281
        var d = PairedDifference.Proportions(Bits("1111000000"), Bits("1111110000"));
        Assert.Equal(0.2, d.Estimate, 12);
        Assert.Equal(0.2 - 0.234601, d.Lower, 5);
        Assert.Equal(0.2 + 0.189281, d.Upper, 5);
    }

    [Fact]
    public void Pairing_narrows_the_interval_when_outcomes_move_together()
    {
        // 100 pairs: B meets the goal whenever A does, and in 10 more: strongly correlated outcomes.
        var a = Enumerable.Range(0, 100).Select(i => i < 40).ToArray();
        var b = Enumerable.Range(0, 100).Select(i => i < 50).ToArray();
        var paired = PairedDifference.Proportions(a, b);
        var unpaired = PairedDifference.UnpairedProportions(40, 100, 50, 100);
        Assert.Equal(paired.Estimate, unpaired.Estimate, 12);
        Assert.True(paired.ExcludesZero, "10 discordant pairs all one way are significant");
        Assert.False(unpaired.ExcludesZero, "40% vs 50% in two independent samples of 100 is not");
        Assert.True(paired.Upper - paired.Lower < 0.6 * (unpaired.Upper - unpaired.Lower));
    }

    [Fact]
    public void Unequal_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => PairedDifference.Proportions([true], [true, false]));
    }
}
