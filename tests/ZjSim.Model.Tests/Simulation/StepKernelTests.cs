using ZjSim.Model.Random;
using ZjSim.Model.Simulation;

namespace ZjSim.Model.Tests.Simulation;

public class StepKernelTests
{
    private static (ushort[] States, int[] BandLevel) Run(bool vectorised, ulong[] hazards, PhiloxLanes lanes, int firstEntity)
    {
        var plan = BatchPlan.For(TestConfig.World());
        var states = new ushort[64];   // level 0, band 0, tier 0, no title or verdict: only the level can change
        var kernel = new StepKernel(plan, lanes, hazards, 0, 0, _ => false);
        kernel.Run(states, firstEntity, vectorised);
        return (states, kernel.BandLevel);
    }

    /// <summary>
    /// A level draw whose top 31 bits equal its threshold's cannot be decided on the high words: the vector path
    /// must hand its group to the exact comparison. Threshold k + 1 moves the enterprise, k does not.
    /// </summary>
    [Theory]
    [InlineData(0UL)]
    [InlineData(1UL)]
    public void A_draw_tying_its_threshold_on_the_high_words_is_decided_exactly(ulong offset)
    {
        const int first = 1_000, tied = 37;
        var lanes = new PhiloxLanes(5, 1, 2022, Purpose.EnterpriseStep, 0);
        var (a, b, _, _) = lanes.Block(first + tied);
        ulong k = PhiloxLanes.Bits53(a, b);
        var hazards = new ulong[Model.Rules.StepContext.HazardEntries];
        hazards[0] = k + offset;
        Assert.Equal(k >> 22, hazards[0] >> 22);   // the tie the test is about

        var vector = Run(true, hazards, lanes, first);
        var scalar = Run(false, hazards, lanes, first);
        Assert.Equal(scalar.States, vector.States);
        Assert.Equal(scalar.BandLevel, vector.BandLevel);
        Assert.Equal((ushort)offset, vector.States[tied]);
        for (int i = 0; i < 64; i++)
        {
            var (ai, bi, _, _) = lanes.Block(first + i);
            Assert.Equal(PhiloxLanes.Bits53(ai, bi) < hazards[0] ? 1 : 0, vector.States[i]);
        }
        Assert.Equal(vector.States.Count(s => s == 1), vector.BandLevel[1]);   // band 0, level 1
        Assert.Equal(vector.States.Count(s => s == 0), vector.BandLevel[0]);
    }
}
