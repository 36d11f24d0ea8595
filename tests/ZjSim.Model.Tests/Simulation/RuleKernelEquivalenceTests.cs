using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Simulation;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests.Simulation;

/// <summary>
/// The batch path (ClusterPopulation's step: hazards to integer thresholds, StepKernel) is an optimisation of
/// EnterpriseRules.Step: from every packed state, under random contexts, it must reach the rule's state draw for draw.
/// </summary>
public class RuleKernelEquivalenceTests
{
    private const int Copies = 3;   // each state held by three enterprises, so it meets three different draws

    /// <summary>A cluster whose enterprises can be set to any state: one per reachable packed state, <see cref="Copies"/> times.</summary>
    private static (WorldLayout World, ClusterSpec Spec, ushort[] States) Setup(bool futureNeedsSmart)
    {
        var nominal = TestConfig.Scenario().Parameters;
        var prm = nominal with
        {
            SmartFactory = nominal.SmartFactory with { MinLevel = 2 },
            FutureFactory = nominal.FutureFactory with { MinLevel = 3, RequiresSmartFactory = futureNeedsSmart },
        };
        var world = new WorldLayout(prm);
        int tiers = prm.Adoption.CityTierMultiplier.Length;
        // Reachable: level 0..4, a tier the world has; every band, connection, title and verdict combination.
        var reachable = Enumerable.Range(0, PackedEnterprise.States)
            .Where(p => PackedEnterprise.Level(p) <= MaturityLevel.Future && PackedEnterprise.Tier(p) < tiers)
            .Select(p => (ushort)p).ToArray();
        var states = Enumerable.Repeat(reachable, Copies).SelectMany(x => x).ToArray();
        var spec = new ClusterSpec(0, "every-state", "manufacturing", 0, Tier.County, 1, false, 0, states.Length, 40_000, 1.0);
        return (world, spec, states);
    }

    /// <summary>Random hazards (with exact 0s and 1s), and recognition and onboarding probabilities that may be 0 or 1.</summary>
    private static StepContext RandomContext(System.Random rng, int year)
    {
        double Probability() => rng.Next(4) switch { 0 => 0.0, 1 => 1.0, _ => rng.NextDouble() };
        var hazards = new double[StepContext.HazardEntries];
        for (int i = 0; i < hazards.Length; i++) hazards[i] = Probability();
        return new StepContext(year, hazards, Probability(), Probability(), Probability());
    }

    [Theory]
    [InlineData(1UL, true, true)]
    [InlineData(1UL, false, true)]
    [InlineData(0xDEAD_BEEF_0000_0007UL, true, false)]
    [InlineData(0xDEAD_BEEF_0000_0007UL, false, false)]
    public void Batch_step_equals_the_rule_from_every_reachable_state(ulong seed, bool vectorised, bool futureNeedsSmart)
    {
        const int replication = 3;
        var (world, spec, states) = Setup(futureNeedsSmart);
        var prm = world.Parameters;
        var batch = new ClusterPopulation(world, spec, seed, replication, vectorised);
        var rng = new System.Random(unchecked((int)seed) ^ (futureNeedsSmart ? 1 : 2));
        int moves = 0, smart = 0, future = 0, connects = 0;
        for (int year = 2022; year <= 2031; year++)
        {
            var ctx = RandomContext(rng, year);
            states.CopyTo(batch.States);
            var tally = batch.Step(ctx);

            var rule = new EnterpriseState[states.Length];
            for (int i = 0; i < states.Length; i++)
            {
                rule[i] = PackedEnterprise.Unpack(states[i], world.FirstAboveSizeBand);
                var before = rule[i];
                EnterpriseRules.Step(ref rule[i], spec.FirstEnterpriseId + i, ctx, prm.SmartFactory, prm.FutureFactory, seed, replication);
                Assert.Equal(PackedEnterprise.Pack(rule[i]), batch.States[i]);
                moves += rule[i].Level - before.Level;
                if ((rule[i].Titles & ~before.Titles & Titles.SmartFactory) != 0) smart++;
                if ((rule[i].Titles & ~before.Titles & Titles.FutureFactory) != 0) future++;
                if (rule[i].Onboarded && !before.Onboarded) connects++;
            }
            AssertSameTally(ClusterTally.Of(rule, prm), tally);
        }
        // Every branch of the step was taken many times, so agreement is not agreement on doing nothing.
        Assert.All(new[] { moves, smart, future, connects }, n => Assert.True(n > 500, $"a branch taken only {n} times"));
    }

    /// <summary>Initialisation: every enterprise of the batch, read through its indexer, is the rule's enterprise.</summary>
    [Theory]
    [InlineData(0.25, 40.0, 100.0, true, 5UL, true)]
    [InlineData(0.25, 40.0, 100.0, true, 5UL, false)]
    [InlineData(1.0, 20.0, 20.0, false, 6UL, true)]      // verdict lines at the size line: many draws at the cut
    [InlineData(1.0, 20.0, 20.0, false, 6UL, false)]
    [InlineData(0.0, 40.0, 0.0, false, 7UL, true)]       // no investment: never a smart factory; a zero minimum: always reached
    [InlineData(0.5, 3.0, 25.0, false, 8UL, false)]      // lines inside the key SMEs' range
    public void Batch_initialisation_equals_the_rule(double investmentRatio, double smartMin, double futureMin, bool futureNeedsSmart, ulong seed, bool vectorised)
    {
        var prm = TestConfig.Scenario("baseline", 0.01).Parameters;
        prm = prm with
        {
            World = prm.World with
            {
                Revenue = prm.World.Revenue with { InvestmentRatio = investmentRatio },
                InitialLevelShares = [new(0.1, 0.2), new(0.1, 0.2), new(0.2, 0.2), new(0.3, 0.2), new(0.3, 0.2)],
            },
            SmartFactory = prm.SmartFactory with { MinLevel = 2, MinInvestment = smartMin, InitialCount = 2000 },
            FutureFactory = prm.FutureFactory with { MinLevel = 3, MinInvestment = futureMin, RequiresSmartFactory = futureNeedsSmart, InitialCount = 800 },
        };
        var world = new WorldLayout(prm);
        int smartTitles = 0, verdicts = 0;
        foreach (var spec in world.Clusters)
        {
            var batch = new ClusterPopulation(world, spec, seed, 4, vectorised);
            var agents = new EnterpriseState[spec.EnterpriseCount];
            for (int i = 0; i < agents.Length; i++)
            {
                agents[i] = EnterpriseRules.Initialize(spec.FirstEnterpriseId + i, spec, world, seed, 4);
                Assert.Equal(agents[i], batch[i]);
                if ((agents[i].Titles & Titles.SmartFactory) != 0) smartTitles++;
                if (agents[i].ReachesSmart) verdicts++;
            }
            AssertSameTally(ClusterTally.Of(agents, prm), batch.Core.Tally);
        }
        if (investmentRatio > 0) Assert.True(smartTitles > 0 && verdicts > 0, "the title and verdict branches should be exercised");
        else Assert.Equal(0, verdicts);
    }

    internal static void AssertSameTally(ClusterTally expected, ClusterTally actual)
    {
        Assert.Equal(expected.Counts, actual.Counts);
        Assert.Equal(expected.BandLevel, actual.BandLevel);
        Assert.Equal(expected.Onboarded, actual.Onboarded);
        Assert.Equal(expected.SmartFactories, actual.SmartFactories);
        Assert.Equal(expected.FutureFactories, actual.FutureFactories);
        Assert.Equal(expected.SmartCandidates, actual.SmartCandidates);
        Assert.Equal(expected.FutureCandidates, actual.FutureCandidates);
    }
}
