using System.Runtime.CompilerServices;
using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// What the batch kernels of <see cref="ClusterPopulation"/> precompute once per world, all derived from
/// <see cref="EnterpriseRules"/>: title eligibility and the deterministic part of the yearly step tabulated
/// over every packed state, the base-year level thresholds, and each cluster's revenue cuts.
/// Shared by every replication of the world (one per silo, through the world cache).
/// </summary>
public sealed class BatchPlan
{
    /// <summary>Flag in a <see cref="Transitions"/> entry: the new state is eligible for a future factory, so draw for it.</summary>
    public const int NeedsFutureDraw = 0x100;

    private static readonly ConditionalWeakTable<WorldLayout, BatchPlan> Plans = [];

    /// <summary>
    /// [packed · 4 + moved · 2 + smartDrawPassed]: the packed state after the level move and the smart-factory
    /// grant, plus <see cref="NeedsFutureDraw"/>. Draw outcomes are inputs, so the table holds no randomness.
    /// </summary>
    public ushort[] Transitions { get; } = new ushort[256 * 4];
    /// <summary>[packed]: eligibility for each title as <see cref="EnterpriseRules.IsEligible"/> decides it.</summary>
    public bool[] SmartEligible { get; } = new bool[256];
    public bool[] FutureEligible { get; } = new bool[256];
    /// <summary>[size·4 + l]: k below it draws a base-year level of at most l (cumulative shares, as the rule sums them).</summary>
    public ulong[] LevelThresholds { get; } = new ulong[8];
    public ulong SmartGrantThreshold { get; }
    /// <summary>
    /// Whether an enterprise with neither revenue verdict only ever moves up a level (no title, no future draw), as
    /// <see cref="EnterpriseRules.IsEligible"/> makes it: the vector kernel relies on it and checks it here.
    /// </summary>
    public bool TitlesNeedRevenue { get; }
    public RevenueCut[] SmartCuts { get; }
    public RevenueCut[] FutureCuts { get; }

    public static BatchPlan For(WorldLayout world) => Plans.GetValue(world, w => new BatchPlan(w));

    private BatchPlan(WorldLayout world)
    {
        var prm = world.Parameters;
        for (int packed = 0; packed < 256; packed++)
        {
            SmartEligible[packed] = EnterpriseRules.IsEligible(Unpack(packed, PackedEnterprise.SmartRevenue), prm.SmartFactory);
            FutureEligible[packed] = EnterpriseRules.IsEligible(Unpack(packed, PackedEnterprise.FutureRevenue), prm.FutureFactory);
        }
        TitlesNeedRevenue = true;
        for (int packed = 0; packed < 256; packed++)
            for (int moved = 0; moved < 2; moved++)
                for (int granted = 0; granted < 2; granted++)
                {
                    var next = Transition(packed, moved == 1, granted == 1);
                    Transitions[packed * 4 + moved * 2 + granted] = next;
                    bool levelOnly = next == packed + (moved == 1 && PackedEnterprise.Level(packed) < MaturityLevel.Future ? 1 : 0);
                    if ((packed & (PackedEnterprise.SmartRevenue | PackedEnterprise.FutureRevenue)) == 0 && !levelOnly) TitlesNeedRevenue = false;
                }

        foreach (SizeClass size in (ReadOnlySpan<SizeClass>)[SizeClass.AboveSize, SizeClass.KeySme])
        {
            double cumulative = 0;
            for (int l = 0; l < MaturityLevel.Count - 1; l++)
            {
                cumulative += prm.World.InitialLevelShares[l][size];
                LevelThresholds[(int)size * 4 + l] = DrawThreshold.Below(cumulative);
                // The kernel counts thresholds passed, which equals the rule's first-level search when they rise.
                if (l > 0 && LevelThresholds[(int)size * 4 + l] < LevelThresholds[(int)size * 4 + l - 1])
                    throw new ArgumentException("initial level shares must not be negative");
            }
        }
        SmartGrantThreshold = DrawThreshold.Below(prm.SmartFactory.GrantRate);
        SmartCuts = world.Clusters.Select(c => new RevenueCut(c.MeanRevenue, prm.World.RevenueSigma, prm.SmartFactory.MinRevenue)).ToArray();
        FutureCuts = world.Clusters.Select(c => new RevenueCut(c.MeanRevenue, prm.World.RevenueSigma, prm.FutureFactory.MinRevenue)).ToArray();
    }

    /// <summary>
    /// A state with a revenue standing in for the packed verdict on one title's minimum
    /// (+∞ reaches any minimum, −∞ none), so eligibility is decided by the rule's own predicate.
    /// </summary>
    private static EnterpriseState Unpack(int packed, int revenueBit) => new()
    {
        Size = PackedEnterprise.Size(packed),
        Level = (byte)PackedEnterprise.Level(packed),
        Titles = PackedEnterprise.Titles(packed),
        Revenue = (packed & revenueBit) != 0 ? float.PositiveInfinity : float.NegativeInfinity,
    };

    /// <summary>The order of <see cref="EnterpriseRules.Step"/>: level move, smart grant, then eligibility for a future draw.</summary>
    private ushort Transition(int packed, bool moved, bool granted)
    {
        int next = packed;
        if (moved && PackedEnterprise.Level(packed) < MaturityLevel.Future) next++;
        if ((next & PackedEnterprise.SmartFactory) == 0 && SmartEligible[next] && granted) next |= PackedEnterprise.SmartFactory;
        if ((next & PackedEnterprise.FutureFactory) == 0 && FutureEligible[next]) next |= NeedsFutureDraw;
        return (ushort)next;
    }
}
