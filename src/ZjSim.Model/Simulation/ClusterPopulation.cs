using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// A cluster and its enterprises in the batch representation, one byte each (<see cref="PackedEnterprise"/>),
/// stepped together: the `cluster` granularity. It is a specialised equivalent of
/// <see cref="EnterpriseRules"/>, which enterprise-granularity grains apply one agent at a time: the same
/// draws (block 0 words (a, b) for the level, (c, d) for the smart title, block 1 (a, b) for the future title
/// only when eligible) and the same comparisons, made on integers against thresholds and tables from
/// <see cref="BatchPlan"/>, so both granularities give bit-identical results.
/// </summary>
public sealed class ClusterPopulation
{
    private readonly WorldLayout _world;
    private readonly BatchPlan _plan;
    private readonly ulong _seed;
    private readonly int _replication;
    private readonly byte[] _packed;
    private readonly bool _vectorised;

    public ClusterSpec Spec { get; }
    public ClusterCore Core { get; }

    /// <summary>Bytes of state the batch representation keeps per enterprise.</summary>
    public const int BytesPerEnterprise = sizeof(byte);

    /// <param name="vectorised">false forces the exact scalar path everywhere (tests compare both with the rules).</param>
    /// <param name="recycle">A population of the same cluster that is done with: its state array is taken over (every byte is
    /// written by the initialisation), so a grain running replication after replication allocates nothing per enterprise.</param>
    public ClusterPopulation(WorldLayout world, ClusterSpec spec, ulong seed, int replication, bool vectorised = true, ClusterPopulation? recycle = null)
    {
        _world = world;
        _plan = BatchPlan.For(world);
        _seed = seed;
        _replication = replication;
        _vectorised = vectorised;
        Spec = spec;
        _packed = recycle?._packed.Length == spec.EnterpriseCount ? recycle._packed : GC.AllocateUninitializedArray<byte>(spec.EnterpriseCount);
        Core = new ClusterCore(world, spec, seed, replication, Initialize());
    }

    public ClusterReport InitialReport => Core.Report(_world.Parameters.Years.BaseYear, 0);

    public ClusterReport StepYear(int year, bool brainServed)
    {
        var ctx = Core.BeginYear(year, brainServed);
        return Core.EndYear(year, Step(ctx));
    }

    /// <summary>An enterprise as <see cref="EnterpriseRules"/> would hold it, revenue recomputed from its stream.</summary>
    public EnterpriseState this[int localIndex]
    {
        get
        {
            int packed = _packed[localIndex];
            var (_, uRevenue) = new RandomStream(_seed, _replication, Spec.FirstEnterpriseId + localIndex,
                _world.Parameters.Years.BaseYear, Purpose.EnterpriseInit).UniformPair(0);
            return new EnterpriseState
            {
                Size = PackedEnterprise.Size(packed),
                Level = (byte)PackedEnterprise.Level(packed),
                Titles = PackedEnterprise.Titles(packed),
                Revenue = EnterpriseRules.Revenue(Spec.MeanRevenue, _world.Parameters.World.RevenueSigma, uRevenue),
            };
        }
    }

    /// <summary><see cref="EnterpriseRules.Initialize"/> for every enterprise; returns the base-year tally.</summary>
    private ClusterTally Initialize()
    {
        var lanes = new PhiloxLanes(_seed, _replication, _world.Parameters.Years.BaseYear, Purpose.EnterpriseInit, 0);
        new InitKernel(_plan, lanes, _plan.SmartCuts[Spec.Index], _plan.FutureCuts[Spec.Index], Spec.AboveSizeCount, InitialTitles)
            .Run(_packed, Spec.FirstEnterpriseId, _vectorised);
        return PackedEnterprise.Tally(_packed);
    }

    /// <summary>The titles held in the base year, for an enterprise eligible for a smart factory (the rule's own draws).</summary>
    private int InitialTitles(int packed, int enterpriseId)
    {
        var (uSmart, uFuture) = new RandomStream(_seed, _replication, enterpriseId, _world.Parameters.Years.BaseYear, Purpose.EnterpriseInit).UniformPair(1);
        var (state, _, reachesFuture) = BatchPlan.Unpack(packed);
        state.Titles = EnterpriseRules.InitialTitles(state, uSmart, uFuture, _world, reachesFuture);
        return PackedEnterprise.Pack(state, packed);
    }

    /// <summary><see cref="EnterpriseRules.Step"/> for every enterprise; returns the end-of-year tally.</summary>
    private ClusterTally Step(StepContext ctx)
    {
        var hazards = new ulong[16];   // level 4 and the unused codes above it keep 0: no draw passes, no move
        foreach (SizeClass size in (ReadOnlySpan<SizeClass>)[SizeClass.AboveSize, SizeClass.KeySme])
            for (int level = 0; level < MaturityLevel.Future; level++)
                hazards[PackedEnterprise.HazardIndex(size, level)] = DrawThreshold.Below(ctx.Hazard(size, level));
        var lanes = new PhiloxLanes(_seed, _replication, ctx.Year, Purpose.EnterpriseStep, 0);
        var kernel = new StepKernel(_plan, lanes, hazards, (next, enterpriseId) => FutureDraw(next, enterpriseId, ctx.Year));
        kernel.Run(_packed, Spec.FirstEnterpriseId, _vectorised);

        // The tally moves with the enterprises: start-of-year counts, less those that left each level, plus arrivals.
        var start = Core.Tally;
        var counts = (int[])start.Counts.Clone();
        foreach (SizeClass size in (ReadOnlySpan<SizeClass>)[SizeClass.AboveSize, SizeClass.KeySme])
            for (int level = 0; level < MaturityLevel.Future; level++)
            {
                int moved = kernel.Moves[PackedEnterprise.HazardIndex(size, level)];
                counts[(int)size * MaturityLevel.Count + level] -= moved;
                counts[(int)size * MaturityLevel.Count + level + 1] += moved;
            }
        return new ClusterTally(counts, start.SmartFactories + kernel.SmartGrants, start.FutureFactories + kernel.FutureGrants);
    }

    /// <summary>The rule's future-factory draw, made only for an eligible enterprise (rare, so not batched).</summary>
    private int FutureDraw(int next, int enterpriseId, int year)
    {
        var (uFuture, _) = new RandomStream(_seed, _replication, enterpriseId, year, Purpose.EnterpriseStep).UniformPair(1);
        next &= 0xFF;
        return EnterpriseRules.GrantsFuture(uFuture, _world.Parameters.FutureFactory) ? next | PackedEnterprise.FutureFactory : next;
    }
}
