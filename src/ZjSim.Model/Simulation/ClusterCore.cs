using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// A cluster's own state and yearly rules, apart from how its enterprises are stored:
/// shared by the batch population and by the cluster grain that steps enterprise grains.
/// Schedule within a year: platform → hazards from start-of-year shares and the province's directive → enterprises
/// step → output grows.
/// </summary>
public sealed class ClusterCore
{
    private readonly WorldLayout _world;
    private readonly ulong _seed;
    private readonly int _replication;

    public ClusterSpec Spec { get; }
    public Scenarios.ModelParameters Parameters => _world.Parameters;
    public bool HasPlatform { get; private set; }
    public double Output { get; private set; }
    public ClusterTally Tally { get; private set; }

    public ClusterCore(WorldLayout world, ClusterSpec spec, ulong seed, int replication, ClusterTally initial)
    {
        _world = world;
        _seed = seed;
        _replication = replication;
        Spec = spec;
        Tally = initial;
        Output = spec.InitialOutput;
        HasPlatform = ClusterRules.InitialPlatform(world.Parameters, spec, seed, replication);
    }

    /// <param name="hazards">Where the year's hazards are written, when the caller is done with them by the year's end (see <see cref="AdoptionRule.Resolve"/>).</param>
    public StepContext BeginYear(int year, ClusterDirective directive, double[]? hazards = null)
    {
        if (!HasPlatform && ClusterRules.GainsPlatform(_world.Parameters, Spec, Tally, year, _seed, _replication))
            HasPlatform = true;
        return AdoptionRule.Resolve(year, _world, Spec, Tally, HasPlatform, directive, hazards);
    }

    public ClusterReport EndYear(int year, ClusterTally after)
    {
        double change = after.AdoptionIndex - Tally.AdoptionIndex;
        Output = ClusterRules.NextOutput(_world.Parameters, Spec, Output, change, year, _seed, _replication);
        Tally = after;
        return Report(year, after.Total);
    }

    public ClusterReport Report(int year, long enterpriseYears) => new(Spec.Index, year, Tally, Output, HasPlatform, enterpriseYears);
}
