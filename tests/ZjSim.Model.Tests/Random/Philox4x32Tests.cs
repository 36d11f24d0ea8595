using ZjSim.Model.Random;

namespace ZjSim.Model.Tests.Random;

public class Philox4x32Tests
{
    // Known-answer vectors of Random123's kat_vectors (philox4x32, 10 rounds).
    [Theory]
    [InlineData(0u, 0u, 0u, 0u, 0u, 0u, 0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u)]
    [InlineData(0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu, 0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu)]
    [InlineData(0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u, 0xa4093822u, 0x299f31d0u, 0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u)]
    public void Matches_Random123_known_answers(uint c0, uint c1, uint c2, uint c3, uint k0, uint k1, uint r0, uint r1, uint r2, uint r3)
    {
        Assert.Equal((r0, r1, r2, r3), Philox4x32.Block(c0, c1, c2, c3, k0, k1));
    }

    [Fact]
    public void Uniforms_have_the_mean_and_variance_of_U01()
    {
        // n = 200,000 draws: the mean's sd is sqrt(1/12/n) = 6.5e-4; allow 5 sd. Var(U) = 1/12; sd of the
        // sample variance is sqrt((1/80 - 1/144)/n) = 1.7e-4; allow 5 sd.
        const int n = 200_000;
        var rs = new RandomStream(42, 3, 17, 2024, Purpose.EnterpriseStep);
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) { double u = rs.Uniform(i); Assert.InRange(u, 0.0, 1.0 - 1e-17); sum += u; sumSq += u * u; }
        double mean = sum / n, variance = sumSq / n - mean * mean;
        Assert.InRange(mean, 0.5 - 5 * 6.5e-4, 0.5 + 5 * 6.5e-4);
        Assert.InRange(variance, 1.0 / 12 - 5 * 1.7e-4, 1.0 / 12 + 5 * 1.7e-4);
    }

    [Fact]
    public void Streams_differ_by_every_key_part()
    {
        double Draw(ulong seed, int rep, int entity, int year, Purpose p) => new RandomStream(seed, rep, entity, year, p).Uniform(0);
        double a = Draw(1, 0, 0, 2022, Purpose.EnterpriseStep);
        Assert.Equal(a, Draw(1, 0, 0, 2022, Purpose.EnterpriseStep));
        Assert.NotEqual(a, Draw(2, 0, 0, 2022, Purpose.EnterpriseStep));
        Assert.NotEqual(a, Draw(1, 1, 0, 2022, Purpose.EnterpriseStep));
        Assert.NotEqual(a, Draw(1, 0, 1, 2022, Purpose.EnterpriseStep));
        Assert.NotEqual(a, Draw(1, 0, 0, 2023, Purpose.EnterpriseStep));
        Assert.NotEqual(a, Draw(1, 0, 0, 2022, Purpose.EnterpriseInit));
    }

    [Fact]
    public void Poisson_by_inversion_has_mean_and_variance_lambda()
    {
        // lambda = 194, n = 20,000: sd of the mean sqrt(194/n) = 0.098; allow 5 sd. Variance within 5% (sd of the
        // sample variance ≈ lambda·sqrt(2/n) = 1.94, i.e. 1%; 5 sd).
        const int n = 20_000;
        const double lambda = 194;
        var rs = new RandomStream(9, 0, 0, 2022, Purpose.Science);
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) { int k = rs.Poisson(i, lambda); sum += k; sumSq += (double)k * k; }
        double mean = sum / n, variance = sumSq / n - mean * mean;
        Assert.InRange(mean, lambda - 5 * 0.098, lambda + 5 * 0.098);
        Assert.InRange(variance, lambda * 0.95, lambda * 1.05);
    }
}
