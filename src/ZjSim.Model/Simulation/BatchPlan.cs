using System.Runtime.CompilerServices;
using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Rules;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// What the batch kernels of <see cref="ClusterPopulation"/> precompute once per world, all derived from
/// <see cref="EnterpriseRules"/> and the world: whether each packed state is a candidate for a title, the base-year
/// level and city thresholds, and the revenue cuts that give a draw's band and investment verdicts.
/// Shared by every replication of the world (one per silo, through the world cache).
/// </summary>
internal sealed class BatchPlan
{
    private static readonly ConditionalWeakTable<WorldLayout, BatchPlan> Plans = [];

    /// <summary>[packed]: a candidate for the title's recognition, as <see cref="EnterpriseRules.IsSmartCandidate"/> decides.</summary>
    public bool[] SmartCandidate => _candidacy.Smart;
    public bool[] FutureCandidate => _candidacy.Future;
    /// <summary>
    /// [packed]: what the state adds to a cluster's tally, one 12-bit field each (<see cref="TallyField"/>): connected,
    /// smart factory, future factory, smart candidate, future candidate. The step kernel adds one word per enterprise
    /// instead of five counters, and reads the start-of-year candidacy from the same word.
    /// </summary>
    public ulong[] TallyWord => _candidacy.TallyWord;

    private readonly Candidacy _candidacy;
    /// <summary>[size·4 + l]: k below it draws a base-year level of at most l (cumulative shares, as the rule sums them).</summary>
    public ulong[] LevelThresholds { get; } = new ulong[8];
    /// <summary>[i]: k below it draws city i or an earlier one (the last city takes the rest).</summary>
    public ulong[] CityThresholds { get; }
    public int[] CityTier { get; }
    public int FirstAboveSizeBand { get; }
    /// <summary>[size]: the first band of the size class, and the cuts at its band bounds (each reached adds a band).</summary>
    public int[] FirstBand { get; } = new int[2];
    public RevenueCut[][] BandCuts { get; } = new RevenueCut[2][];
    public RevenueCut[] SmartCuts { get; } = new RevenueCut[2];
    public RevenueCut[] FutureCuts { get; } = new RevenueCut[2];

    public static BatchPlan For(WorldLayout world) => Plans.GetValue(world, w => new BatchPlan(w));

    private BatchPlan(WorldLayout world)
    {
        var prm = world.Parameters;
        FirstAboveSizeBand = world.FirstAboveSizeBand;
        _candidacy = Candidacy.For(FirstAboveSizeBand, prm.SmartFactory, prm.FutureFactory);

        foreach (SizeClass size in (ReadOnlySpan<SizeClass>)[SizeClass.AboveSize, SizeClass.KeySme])
        {
            var cumulative = EnterpriseRules.CumulativeLevelShares(prm, size);
            for (int l = 0; l < cumulative.Length; l++)
            {
                LevelThresholds[(int)size * 4 + l] = DrawThreshold.Below(cumulative[l]);
                // The kernel counts thresholds passed, which equals the rule's first-level search when they rise.
                if (l > 0 && LevelThresholds[(int)size * 4 + l] < LevelThresholds[(int)size * 4 + l - 1])
                    throw new ArgumentException("initial level shares must not be negative");
            }
            var revenue = world.Revenue(size);
            bool above = size == SizeClass.AboveSize;
            FirstBand[(int)size] = above ? FirstAboveSizeBand : 0;
            // The bounds strictly inside the size class's side of the line: the rule keeps each class on its side.
            BandCuts[(int)size] = world.BandBounds
                .Select((bound, j) => (bound, band: j + 1))
                .Where(x => above ? x.band > FirstAboveSizeBand : x.band < FirstAboveSizeBand)
                .Select(x => new RevenueCut(revenue, x.bound)).ToArray();
            SmartCuts[(int)size] = new RevenueCut(revenue, world.RevenueForInvestment(prm.SmartFactory.MinInvestment));
            FutureCuts[(int)size] = new RevenueCut(revenue, world.RevenueForInvestment(prm.FutureFactory.MinInvestment));
        }

        CityThresholds = world.CityCumulative.Take(world.CityCumulative.Length - 1).Select(DrawThreshold.Below).ToArray();
        // The kernel counts the thresholds a draw reaches, which equals the rule's first-city search when they rise.
        for (int i = 1; i < CityThresholds.Length; i++)
            if (CityThresholds[i] < CityThresholds[i - 1]) throw new ArgumentException("city weights must not be negative");
        CityTier = world.CityTier;
    }
}

/// <summary>Bit offsets of the fields of <see cref="BatchPlan.TallyWord"/>; 12 bits hold a kernel chunk's count.</summary>
internal static class TallyField
{
    public const int Connected = 0, Smart = 12, Future = 24, SmartCandidate = 36, FutureCandidate = 48;
    public const ulong Mask = 0xFFF;
}
