using ZjSim.Model.Random;

namespace ZjSim.Model.Tests.Random;

public class PhiloxLanesTests
{
    [Theory]
    [InlineData(1UL, 0, 2022, Purpose.EnterpriseStep, 0, 0, 8)]
    [InlineData(0xDEADBEEF_12345678UL, 999, 2027, Purpose.EnterpriseStep, 1, 254_950, 21)]
    [InlineData(7UL, 3, 2021, Purpose.EnterpriseInit, 0, int.MaxValue - 12, 13)]   // the entity word wraps past 2³²−1
    [InlineData(ulong.MaxValue, int.MaxValue, 2035, Purpose.Science, 5, 100, 1_000)]
    public void FillWords_gives_the_draws_of_each_entitys_own_stream(ulong seed, int replication, int year, Purpose purpose, int index, int first, int count)
    {
        var lanes = new PhiloxLanes(seed, replication, year, purpose, index);
        foreach (bool vector in new[] { true, false })
        {
            uint[] a = new uint[count], b = new uint[count], c = new uint[count], d = new uint[count];
            lanes.FillWords(first, a, b, c, d, vector);
            for (int i = 0; i < count; i++)
            {
                var (u, v) = new RandomStream(seed, replication, unchecked(first + i), year, purpose).UniformPair(index);
                Assert.Equal(u, PhiloxLanes.Bits53(a[i], b[i]) * (1.0 / DrawThreshold.Always));
                Assert.Equal(v, PhiloxLanes.Bits53(c[i], d[i]) * (1.0 / DrawThreshold.Always));
            }
        }
    }

    [Fact]
    public void Block_equals_the_reference_Philox()
    {
        var lanes = new PhiloxLanes(42, 6, 2024, Purpose.EnterpriseStep, 1);
        for (int e = 0; e < 5_000; e += 7)
            Assert.Equal(Philox4x32.Block(1, (uint)e, (2024u << 8) | (byte)Purpose.EnterpriseStep, 6, 42, 0), lanes.Block(e));
    }

    [Theory]
    [InlineData(0.0, 0UL)]
    [InlineData(-0.5, 0UL)]
    [InlineData(double.NaN, 0UL)]
    [InlineData(1.0, DrawThreshold.Always)]
    [InlineData(1.0000000000000002, DrawThreshold.Always)]
    [InlineData(0.5, 1UL << 52)]
    public void Threshold_edges(double p, ulong expected) => Assert.Equal(expected, DrawThreshold.Below(p));

    [Fact]
    public void Integer_test_agrees_with_u_below_p_around_the_threshold()
    {
        var rng = new System.Random(3);
        for (int trial = 0; trial < 2_000; trial++)
        {
            double p = trial % 3 == 0 ? rng.Next(1, 1000) / 1000.0 : rng.NextDouble();
            ulong t = DrawThreshold.Below(p);
            for (ulong k = t > 2 ? t - 2 : 0; k <= Math.Min(t + 2, DrawThreshold.Always - 1); k++)
                Assert.Equal(k * (1.0 / DrawThreshold.Always) < p, k < t);
        }
    }
}
