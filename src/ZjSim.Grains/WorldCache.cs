using System.Collections.Concurrent;
using System.Text.Json;
using ZjSim.GrainInterfaces;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Grains;

/// <summary>
/// One parsed world and goal set per (scenario hash, goals) in each silo, shared by every grain of a run,
/// so hundreds of cluster grains do not each parse the parameters.
/// </summary>
public sealed class WorldCache
{
    private readonly ConcurrentDictionary<string, Lazy<(WorldLayout World, GoalSet Goals)>> _entries = new();

    public (WorldLayout World, GoalSet Goals) Get(RunRequest request) =>
        _entries.GetOrAdd(request.ScenarioHash + "|" + request.GoalsJson.GetHashCode(StringComparison.Ordinal), _ =>
            new Lazy<(WorldLayout, GoalSet)>(() => (
                new WorldLayout(Scenario.ParametersFromJson(request.ParametersJson)),
                JsonSerializer.Deserialize<GoalSet>(request.GoalsJson, ConfigJson.Options)!))).Value;
}
