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
internal sealed class BatchPlan
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
            var (state, reachesSmart, reachesFuture) = Unpack(packed);
            SmartEligible[packed] = EnterpriseRules.IsEligible(state, prm.SmartFactory, reachesSmart);
            FutureEligible[packed] = EnterpriseRules.IsEligible(state, prm.FutureFactory, reachesFuture);
        }
        TitlesNeedRevenue = true;
        for (int packed = 0; packed < 256; packed++)
            for (int moved = 0; moved < 2; moved++)
                for (int granted = 0; granted < 2; granted++)
                {
                    var next = Transition(packed, moved == 1, granted == 1, prm);
                    Transitions[packed * 4 + moved * 2 + granted] = next;
                    bool levelOnly = next == packed + (moved == 1 && PackedEnterprise.Level(packed) < MaturityLevel.Future ? 1 : 0);
                    if ((packed & (PackedEnterprise.SmartRevenue | PackedEnterprise.FutureRevenue)) == 0 && !levelOnly) TitlesNeedRevenue = false;
                }

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
        }
        SmartGrantThreshold = DrawThreshold.Below(prm.SmartFactory.GrantRate);
        SmartCuts = world.Clusters.Select(c => new RevenueCut(c.MeanRevenue, prm.World.RevenueSigma, prm.SmartFactory.MinRevenue)).ToArray();
        FutureCuts = world.Clusters.Select(c => new RevenueCut(c.MeanRevenue, prm.World.RevenueSigma, prm.FutureFactory.MinRevenue)).ToArray();
    }

    /// <summary>A packed state as the rule holds it, with its two revenue verdicts (the revenue itself is not kept).</summary>
    public static (EnterpriseState State, bool ReachesSmart, bool ReachesFuture) Unpack(int packed) => (new EnterpriseState
    {
        Size = PackedEnterprise.Size(packed),
        Level = (byte)PackedEnterprise.Level(packed),
        Titles = PackedEnterprise.Titles(packed),
    }, (packed & PackedEnterprise.SmartRevenue) != 0, (packed & PackedEnterprise.FutureRevenue) != 0);

    /// <summary><see cref="EnterpriseRules.Advance(ref EnterpriseState, bool, bool, Scenarios.TitleParameters, Scenarios.TitleParameters, bool, bool)"/> on a packed state, flagging the future draw it calls for.</summary>
    private static ushort Transition(int packed, bool moved, bool granted, Scenarios.ModelParameters prm)
    {
        var (state, reachesSmart, reachesFuture) = Unpack(packed);
        bool futureDraw = EnterpriseRules.Advance(ref state, moved, granted, prm.SmartFactory, prm.FutureFactory, reachesSmart, reachesFuture);
        int next = PackedEnterprise.Pack(state, packed & (PackedEnterprise.SmartRevenue | PackedEnterprise.FutureRevenue));
        return (ushort)(futureDraw ? next | NeedsFutureDraw : next);
    }
}
