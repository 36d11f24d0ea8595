using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;
using ZjSim.Model.Random;
using ZjSim.Model.Simulation;

namespace ZjSim.Model.Tests.Simulation;

public class StepKernelTests
{
    private static (byte[] States, int[] Moves) Run(bool vectorised, ulong[] hazards, PhiloxLanes lanes, int firstEntity)
    {
        var plan = BatchPlan.For(TestConfig.World());
        var states = new byte[64];   // above-size, level 0, no revenue verdict: only the level can change
        var kernel = new StepKernel(plan, lanes, hazards, (next, _) => next & 0xFF);
        kernel.Run(states, firstEntity, vectorised);
        return (states, kernel.Moves);
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
        var hazards = new ulong[16];
        hazards[0] = k + offset;
        Assert.Equal(k >> 22, hazards[0] >> 22);   // the tie the test is about

        var vector = Run(true, hazards, lanes, first);
        var scalar = Run(false, hazards, lanes, first);
        Assert.Equal(scalar.States, vector.States);
        Assert.Equal(scalar.Moves, vector.Moves);
        Assert.Equal((byte)offset, vector.States[tied]);
        for (int i = 0; i < 64; i++)
        {
            var (ai, bi, _, _) = lanes.Block(first + i);
            Assert.Equal(PhiloxLanes.Bits53(ai, bi) < hazards[0] ? 1 : 0, vector.States[i]);
        }
        Assert.Equal(vector.States.Count(s => s == 1), vector.Moves[0]);
    }
}

/// <summary>The kernel is an optimisation of EnterpriseRules.Step: on random states and hazards it must agree draw for draw.</summary>
public class StepKernelAgainstRuleTests
{
    [Theory]
    [InlineData(1UL, 2022, true)]
    [InlineData(1UL, 2022, false)]
    [InlineData(0xDEAD_BEEF_0000_0007UL, 2025, true)]
    [InlineData(0xDEAD_BEEF_0000_0007UL, 2025, false)]
    public void Kernel_equals_the_rule_on_random_states(ulong seed, int year, bool vectorised)
    {
        const int replication = 3, first = 12_345, n = 8_192;
        var nominal = TestConfig.World().Parameters;
        // Titles easy to reach and grants near one half, so every branch of the step is taken many times.
        var prm = nominal with
        {
            SmartFactory = nominal.SmartFactory with { MinLevel = 2, MinRevenue = 30, GrantRate = 0.5 },
            FutureFactory = nominal.FutureFactory with { MinLevel = 3, MinRevenue = 60, GrantRate = 0.5 },
        };
        var world = new WorldLayout(prm);
        var plan = BatchPlan.For(world);
        var rng = new System.Random(unchecked((int)seed));

        var agents = new EnterpriseState[n];
        var packed = new byte[n];
        for (int i = 0; i < n; i++)
        {
            var titles = (Titles)rng.Next(4);
            agents[i] = new EnterpriseState
            {
                Size = rng.Next(2) == 0 ? SizeClass.AboveSize : SizeClass.KeySme,
                Level = (byte)rng.Next(MaturityLevel.Count),
                Titles = titles,
                Revenue = (float)(rng.NextDouble() * 120),
            };
            packed[i] = PackedEnterprise.Pack(agents[i], Verdicts(agents[i], prm));
        }
        var hazards = new double[8];
        for (int k = 0; k < hazards.Length; k++) hazards[k] = k % 4 == 3 ? 1.0 : rng.NextDouble();   // certainty too
        var ctx = new StepContext(year, hazards);
        var thresholds = new ulong[16];
        foreach (var size in new[] { SizeClass.AboveSize, SizeClass.KeySme })
            for (int level = 0; level < MaturityLevel.Future; level++)
                thresholds[PackedEnterprise.HazardIndex(size, level)] = DrawThreshold.Below(ctx.Hazard(size, level));

        var kernel = new StepKernel(plan, new PhiloxLanes(seed, replication, year, Purpose.EnterpriseStep, 0), thresholds, (next, id) =>
        {
            var (uFuture, _) = new RandomStream(seed, replication, id, year, Purpose.EnterpriseStep).UniformPair(1);
            return EnterpriseRules.GrantsFuture(uFuture, prm.FutureFactory) ? (next & 0xFF) | PackedEnterprise.FutureFactory : next & 0xFF;
        });
        kernel.Run(packed, first, vectorised);

        int moves = 0, changedTitles = 0;
        for (int i = 0; i < n; i++)
        {
            var before = agents[i];
            EnterpriseRules.Step(ref agents[i], first + i, ctx, prm.SmartFactory, prm.FutureFactory, seed, replication);
            Assert.Equal(PackedEnterprise.Pack(agents[i], Verdicts(agents[i], prm)), packed[i]);
            moves += agents[i].Level - before.Level;
            if (agents[i].Titles != before.Titles) changedTitles++;
        }
        Assert.Equal(moves, kernel.Moves.Sum());
        Assert.True(changedTitles > n / 50, $"only {changedTitles} title changes: the title branches are not exercised");
    }

    private static int Verdicts(EnterpriseState s, Model.Scenarios.ModelParameters prm) =>
        (EnterpriseRules.ReachesMinimum(s, prm.SmartFactory) ? PackedEnterprise.SmartRevenue : 0)
        | (EnterpriseRules.ReachesMinimum(s, prm.FutureFactory) ? PackedEnterprise.FutureRevenue : 0);
}
