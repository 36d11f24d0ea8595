using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// A cluster and its enterprises in the batch representation, 16 bits each (<see cref="PackedEnterprise"/>), stepped
/// together: the `cluster` granularity. It is a specialised equivalent of <see cref="EnterpriseRules"/>, which
/// enterprise-granularity grains apply one agent at a time: the same draws and the same comparisons, made on integers
/// against thresholds and tables from <see cref="BatchPlan"/>, so both granularities give bit-identical results.
/// </summary>
public sealed class ClusterPopulation
{
    private readonly WorldLayout _world;
    private readonly BatchPlan _plan;
    private readonly ulong _seed;
    private readonly int _replication;
    private readonly ushort[] _packed;
    // A year's hazards and their thresholds live only during one synchronous StepYear, so each thread keeps one of each
    // (4 KB apiece) for every population it steps: a silo with 56 replications in flight held 43 MB of them, and each run's
    // new cluster grains made them all again.
    [ThreadStatic] private static double[]? t_hazards;
    [ThreadStatic] private static ulong[]? t_hazardThresholds;
    private readonly bool _vectorised;

    public ClusterSpec Spec { get; }

    /// <summary>The state array, for its owner to pass on to a new population of the cluster once done with this one.</summary>
    public ushort[] StateArray => _packed;
    public ClusterCore Core { get; }

    /// <summary>Bytes of state the batch representation keeps per enterprise.</summary>
    public const int BytesPerEnterprise = sizeof(ushort);

    /// <param name="vectorised">false forces the scalar Philox path (tests compare both with the rules).</param>
    /// <param name="states">The <see cref="StateArray"/> of a population of the same cluster that is done with: taken over (every
    /// element is written by the initialisation), so a grain running replication after replication allocates nothing per
    /// enterprise. Null, or another length, makes a new one.</param>
    public ClusterPopulation(WorldLayout world, ClusterSpec spec, ulong seed, int replication, bool vectorised = true, ushort[]? states = null)
    {
        _world = world;
        _plan = BatchPlan.For(world);
        _seed = seed;
        _replication = replication;
        _vectorised = vectorised;
        Spec = spec;
        _packed = states?.Length == spec.EnterpriseCount ? states : GC.AllocateUninitializedArray<ushort>(spec.EnterpriseCount);
        Core = new ClusterCore(world, spec, seed, replication, Initialize());
    }

    public ClusterReport InitialReport => Core.Report(_world.Parameters.Years.BaseYear, 0);

    public ClusterReport StepYear(int year, ClusterDirective directive)
    {
        // The context lives only for this step: its hazards go into the thread's array, rewritten for every cluster-year.
        var ctx = Core.BeginYear(year, directive, t_hazards ??= new double[StepContext.HazardEntries]);
        return Core.EndYear(year, Step(ctx));
    }

    /// <summary>An enterprise as <see cref="EnterpriseRules"/> would hold it, revenue and city recomputed from its stream.</summary>
    public EnterpriseState this[int localIndex]
    {
        get
        {
            var state = PackedEnterprise.Unpack(_packed[localIndex], _plan.FirstAboveSizeBand);
            var rs = new RandomStream(_seed, _replication, Spec.FirstEnterpriseId + localIndex, _world.Parameters.Years.BaseYear, Purpose.EnterpriseInit);
            var (_, uRevenue) = rs.UniformPair(0);
            var (uCity, _) = rs.UniformPair(1);
            state.Revenue = (float)EnterpriseRules.Revenue(_world, state.Size, uRevenue);
            state.City = (byte)_world.City(uCity);
            return state;
        }
    }

    /// <summary><see cref="EnterpriseRules.Initialize"/> for every enterprise; returns the base-year tally.</summary>
    private ClusterTally Initialize()
    {
        int baseYear = _world.Parameters.Years.BaseYear;
        var block0 = new PhiloxLanes(_seed, _replication, baseYear, Purpose.EnterpriseInit, 0);
        var block1 = new PhiloxLanes(_seed, _replication, baseYear, Purpose.EnterpriseInit, 1);
        var block2 = new PhiloxLanes(_seed, _replication, baseYear, Purpose.EnterpriseInit, 2);
        new InitKernel(_plan, block0, block1, Spec.AboveSizeCount, (packed, id) => InitialTitles(packed, id, block2)).Run(_packed, Spec.FirstEnterpriseId, _vectorised);
        return StepKernel.Tally(_packed, _plan);
    }

    /// <summary>The titles held in the base year, for an enterprise eligible for a smart factory (the rule's own draws: block 2).</summary>
    private int InitialTitles(int packed, int enterpriseId, PhiloxLanes block2)
    {
        var (a, b, c, d) = block2.Block(enterpriseId);
        double uSmart = RandomStream.Unit53(a, b), uFuture = RandomStream.Unit53(c, d);
        var state = PackedEnterprise.Unpack(packed, _plan.FirstAboveSizeBand);
        state.Titles = EnterpriseRules.InitialTitles(state, uSmart, uFuture, _world);
        return PackedEnterprise.Pack(state);
    }

    /// <summary>The packed states, for tests that set arbitrary states before <see cref="Step"/>.</summary>
    internal Span<ushort> States => _packed;

    /// <summary><see cref="EnterpriseRules.Step"/> for every enterprise; returns the end-of-year tally.</summary>
    internal ClusterTally Step(StepContext ctx)
    {
        var hazards = t_hazardThresholds ??= new ulong[StepContext.HazardEntries];
        for (int i = 0; i < hazards.Length; i++)
            hazards[i] = (i & PackedEnterprise.LevelMask) >= MaturityLevel.Future ? 0 : DrawThreshold.Below(ctx.Hazards[i]);
        var lanes = new PhiloxLanes(_seed, _replication, ctx.Year, Purpose.EnterpriseStep, 0);
        // Block 1's word a, the rule's future-factory draw: made only for a candidate, so one block at a time.
        var future = new PhiloxLanes(_seed, _replication, ctx.Year, Purpose.EnterpriseStep, 1);
        ulong futureThreshold = DrawThreshold.Below32(ctx.FutureGrant);   // u = a·2⁻³² < p exactly when a < ⌈p·2³²⌉
        var kernel = new StepKernel(_plan, lanes, hazards, DrawThreshold.Below32(ctx.SmartGrant), DrawThreshold.Below32(ctx.Onboard),
            enterpriseId => future.Block(enterpriseId).Item1 < futureThreshold);
        kernel.Run(_packed, Spec.FirstEnterpriseId, _vectorised);
        return kernel.ToTally();
    }
}
