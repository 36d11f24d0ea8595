using ZjSim.Model.Simulation;

namespace ZjSim.Model.Tests.Simulation;

public class ReplicationRunnerTests
{
    [Fact]
    public void Same_seed_and_replication_give_bit_identical_tables()
    {
        var world = TestConfig.World();
        var a = ReplicationRunner.Run(world, 7, 2);
        var b = ReplicationRunner.Run(world, 7, 2);
        Assert.Equal(a.Values.Select(BitConverter.DoubleToInt64Bits), b.Values.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Different_replications_differ()
    {
        var world = TestConfig.World();
        var a = ReplicationRunner.Run(world, 7, 0);
        var b = ReplicationRunner.Run(world, 7, 1);
        Assert.NotEqual(a[2027, Indicator.DigitalEconomyValue], b[2027, Indicator.DigitalEconomyValue]);
    }

    [Fact]
    public void Indicators_stay_in_their_ranges_and_counts_do_not_fall()
    {
        var world = TestConfig.World(scale: 0.02);
        var t = ReplicationRunner.Run(world, 1, 0);
        for (int y = 2021; y <= 2027; y++)
        {
            Assert.InRange(t[y, Indicator.CoverageAboveSize], 0, 1);
            Assert.InRange(t[y, Indicator.CoverageKeySme], 0, 1);
            Assert.InRange(t[y, Indicator.PlatformCoverage10b], 0, 1);
            Assert.InRange(t[y, Indicator.AdoptionIndex], 0, 1);
            if (y > 2021)
            {
                // Levels and titles never go down, so coverage and title counts are monotone.
                Assert.True(t[y, Indicator.CoverageAboveSize] >= t[y - 1, Indicator.CoverageAboveSize]);
                Assert.True(t[y, Indicator.SmartFactories] >= t[y - 1, Indicator.SmartFactories]);
                Assert.True(t[y, Indicator.IndustryBrains] >= t[y - 1, Indicator.IndustryBrains]);
                Assert.False(double.IsNaN(t[y, Indicator.ScienceProjects]));
            }
        }
        Assert.True(double.IsNaN(t[2021, Indicator.ScienceProjects]));
        var v = world.Parameters.ValueAdded;
        Assert.Equal(world.Parameters.Brains.Initial, t[2021, Indicator.IndustryBrains]);
        // Value added is built from the bottom, and the base year's parts add up to the record: the rest is what the
        // agents do not build (other_0 = DE_0 − core_0 − ind_0), so DE_0 and core_0 are the data's.
        Assert.Equal(v.DigitalEconomyInitial, t[2021, Indicator.DigitalEconomyValue], 9);
        Assert.Equal(v.CoreIndustryInitial, t[2021, Indicator.CoreIndustryValue], 9);
        Assert.Equal(v.GdpInitial, t[2021, Indicator.Gdp]);
        Assert.InRange(t[2021, Indicator.IndustrialDigitalisation], 1, v.DigitalEconomyInitial - v.CoreIndustryInitial);
        Assert.Equal(v.DigitalEconomyInitial / v.GdpInitial, t[2021, Indicator.DigitalEconomyShareOfGdp], 9);
    }
}
