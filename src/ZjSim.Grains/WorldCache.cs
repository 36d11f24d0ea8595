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
/// A joint sample the parameters name by key is fetched from its grain once per silo and shared by every run
/// and experiment point that names it. Every cache is bounded: each entry is a pure function of its key.
/// </summary>
internal sealed class WorldCache(IGrainFactory grains)
{
    /// <summary>Replication worlds kept per silo: well above the replications in flight at once.</summary>
    public const int ReplicationWorldCapacity = 256;
    /// <summary>Scenarios kept per silo: an experiment runs a few waves of points at once, each a scenario of its own.</summary>
    public const int ScenarioCapacity = 64;
    private const int SampleCapacity = 8;

    private sealed record Entry(WorldLayout World, ParameterUncertainty Uncertainty, GoalSet Goals);

    private readonly BoundedCache<string, Task<Entry>> _entries = new(ScenarioCapacity);
    private readonly BoundedCache<string, Task<JointSample>> _samples = new(SampleCapacity);
    private readonly BoundedCache<(string Scenario, ulong Seed, int Replication), (WorldLayout World, double[] Drawn)> _replicationWorlds = new(ReplicationWorldCapacity);

    /// <summary>The world replication <paramref name="replication"/> simulates, and the run's goals.</summary>
    public async ValueTask<(WorldLayout World, GoalSet Goals)> Get(RunRequest request, int replication)
    {
        var (world, goals, _) = await Resolve(request, replication);
        return (world, goals);
    }

    /// <summary>
    /// Replication <paramref name="replication"/>'s world, resolved once from its parameters (each uncertain one drawn),
    /// the values it drew (what the result files show), and the run's goals.
    /// </summary>
    public async ValueTask<(WorldLayout World, GoalSet Goals, double[] Drawn)> Resolve(RunRequest request, int replication)
    {
        string key = ScenarioKey(request);
        var entry = await Made(_entries, key, _ => Parse(request));
        if (entry.Uncertainty.IsEmpty) return (entry.World, entry.Goals, []);
        var (world, drawn) = _replicationWorlds.GetOrAdd((key, request.Seed, replication), k =>
        {
            var resolved = entry.Uncertainty.Resolve(entry.World.Parameters, k.Seed, k.Replication);
            return (new WorldLayout(resolved.Parameters), resolved.Values.ToArray());
        });
        return (world, entry.Goals, drawn);
    }

    /// <summary>
    /// Replication <paramref name="replication"/> is recorded: its world leaves the cache (a finished replication's
    /// world, some 300 KB, would otherwise wait for 255 newer ones, 90 MB for a run drawing from the posterior).
    /// Should it run again (a lost silo), it is made again, identically.
    /// </summary>
    public void Forget(RunRequest request, int replication) => _replicationWorlds.Remove((ScenarioKey(request), request.Seed, replication));

    private static string ScenarioKey(RunRequest request) => request.ScenarioHash + "|" + request.GoalsJson.GetHashCode(StringComparison.Ordinal);

    private async Task<Entry> Parse(RunRequest request)
    {
        // The sample first (the only wait), then the parse, which looks it up.
        JointSample? sample = ParameterUncertainty.StoredSampleKey(request.ParametersJson) is string sampleKey
            ? await Made(_samples, sampleKey, Fetch)
            : null;
        var (nominal, uncertainty) = ParameterUncertainty.FromCanonicalJson(request.ParametersJson, _ => sample!);
        return new Entry(new WorldLayout(nominal), uncertainty, JsonSerializer.Deserialize<GoalSet>(request.GoalsJson, ConfigJson.Options)!);
    }

    /// <summary>The cached task's result; a task that failed (a silo lost mid-fetch) is dropped, so the retry makes it again.</summary>
    private static async Task<T> Made<TKey, T>(BoundedCache<TKey, Task<T>> cache, TKey key, Func<TKey, Task<T>> make) where TKey : notnull
    {
        var task = cache.GetOrAdd(key, make);
        try
        {
            return await task;
        }
        catch
        {
            cache.Remove(key, task);
            throw;
        }
    }

    private async Task<JointSample> Fetch(string key)
    {
        var json = await grains.GetGrain<IJointSampleGrain>(key).Get();
        return new StoredJointSample(key, json.Value).Sample();
    }
}
