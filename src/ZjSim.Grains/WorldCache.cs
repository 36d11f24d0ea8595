using System.Collections.Concurrent;
using System.Text.Json;
using ZjSim.GrainInterfaces;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;
using ZjSim.Model.World;

namespace ZjSim.Grains;

/// <summary>
/// One parsed world and goal set per (scenario hash, goals) in each silo, shared by every grain of a run,
/// so hundreds of cluster grains do not each parse the parameters. A scenario with uncertain parameters
/// has a world per replication (its drawn parameters), kept in a bounded cache: the replication's grains
/// share it while it runs, and a world dropped early is rebuilt identically from (seed, replication).
/// </summary>
internal sealed class WorldCache
{
    /// <summary>Replication worlds kept per silo: well above the replications in flight at once.</summary>
    public const int ReplicationWorldCapacity = 256;

    private sealed record Entry(WorldLayout World, ParameterUncertainty Uncertainty, GoalSet Goals);

    private readonly ConcurrentDictionary<string, Lazy<Entry>> _entries = new();
    private readonly BoundedCache<(string Scenario, ulong Seed, int Replication), (WorldLayout World, double[] Drawn)> _replicationWorlds = new(ReplicationWorldCapacity);

    /// <summary>The world replication <paramref name="replication"/> simulates, and the run's goals.</summary>
    public (WorldLayout World, GoalSet Goals) Get(RunRequest request, int replication)
    {
        var (world, goals, _) = Resolve(request, replication);
        return (world, goals);
    }

    /// <summary>
    /// Replication <paramref name="replication"/>'s world, resolved once from its parameters (each uncertain one drawn),
    /// the values it drew (what the result files show), and the run's goals.
    /// </summary>
    public (WorldLayout World, GoalSet Goals, double[] Drawn) Resolve(RunRequest request, int replication)
    {
        string key = request.ScenarioHash + "|" + request.GoalsJson.GetHashCode(StringComparison.Ordinal);
        var entry = _entries.GetOrAdd(key, _ => new Lazy<Entry>(() =>
        {
            var (nominal, uncertainty) = ParameterUncertainty.FromCanonicalJson(request.ParametersJson);
            return new Entry(new WorldLayout(nominal), uncertainty, JsonSerializer.Deserialize<GoalSet>(request.GoalsJson, ConfigJson.Options)!);
        })).Value;
        if (entry.Uncertainty.IsEmpty) return (entry.World, entry.Goals, []);
        var (world, drawn) = _replicationWorlds.GetOrAdd((key, request.Seed, replication), k =>
        {
            var resolved = entry.Uncertainty.Resolve(entry.World.Parameters, k.Seed, k.Replication);
            return (new WorldLayout(resolved.Parameters), resolved.Values.ToArray());
        });
        return (world, entry.Goals, drawn);
    }
}
