using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// The finished runs of a service, oldest first, in storage. Forgetting goes through here so the list and the
/// storage agree; a run grain never calls back into the registry while the registry calls it.
/// The list is stored in pages of <see cref="PageSize"/> run ids and a run's end writes only the last page (and the
/// index when a page begins), so a write stays small however many runs the service has finished: one grain for the
/// whole service writes once per run, and an experiment finishes thousands of runs (docs/benchmarks.md, issue 15).
/// </summary>
internal sealed class RunRegistryGrain(IGrainFactory grains, ILogger<RunRegistryGrain> logger, IServiceProvider services) : Grain, IRunRegistryGrain
{
    public const int PageSize = 256;
    private const string IndexName = "registry-pages";
    /// <summary>The single state of earlier versions: read once, moved into pages, then cleared.</summary>
    private const string FormerName = "registry";
    private static string PageName(int page) => $"registry-{page}";

    private IGrainStorage _storage = null!;
    private readonly GrainState<RunRegistryIndex> _index = new(new RunRegistryIndex());
    private readonly List<GrainState<RunRegistryState>> _pages = [];   // page First + i
    private readonly HashSet<string> _kept = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storage = services.GetRequiredKeyedService<IGrainStorage>(ServiceNames.Storage);
        await _storage.ReadStateAsync(IndexName, this.GetGrainId(), _index);
        _index.State ??= new RunRegistryIndex();
        for (int page = _index.State.First; page < _index.State.First + _index.State.Count; page++)
        {
            var state = new GrainState<RunRegistryState>(new RunRegistryState());
            await _storage.ReadStateAsync(PageName(page), this.GetGrainId(), state);
            state.State ??= new RunRegistryState();
            _pages.Add(state);
            _kept.UnionWith(state.State.Finished);
        }
        var former = new GrainState<RunRegistryState>(new RunRegistryState());
        await _storage.ReadStateAsync(FormerName, this.GetGrainId(), former);
        if (former.RecordExists)
        {
            foreach (string runId in former.State?.Finished ?? []) await Append(runId);
            await _storage.ClearStateAsync(FormerName, this.GetGrainId(), former);
        }
    }

    public async Task Finished(string runId, int? keep)
    {
        await Append(runId);
        if (keep is not int n) return;
        while (_kept.Count > Math.Max(1, n))
        {
            string oldest = _pages.SelectMany(p => p.State!.Finished).First();
            var outcome = await grains.GetGrain<IRunGrain>(oldest).Forget();
            logger.LogInformation("Run {RunId}: {Outcome} (keeping the newest {Keep} finished runs)", oldest, outcome, n);
            await Remove(oldest);
        }
    }

    public async Task<ForgetOutcome> Forget(string runId)
    {
        var outcome = await grains.GetGrain<IRunGrain>(runId).Forget();
        await Remove(runId);
        return outcome;
    }

    public Task<string[]> Kept() => Task.FromResult(_pages.SelectMany(p => p.State!.Finished).ToArray());

    /// <summary>Adds a run at the end: a write of the last page, and of the index when a new page begins.</summary>
    private async Task Append(string runId)
    {
        if (!_kept.Add(runId)) return;
        if (_pages.Count == 0 || _pages[^1].State!.Finished.Count >= PageSize)
        {
            _pages.Add(new GrainState<RunRegistryState>(new RunRegistryState()));
            _index.State!.Count = _pages.Count;
            await _storage.WriteStateAsync(IndexName, this.GetGrainId(), _index);
        }
        _pages[^1].State!.Finished.Add(runId);
        await _storage.WriteStateAsync(PageName(_index.State!.First + _pages.Count - 1), this.GetGrainId(), _pages[^1]);
    }

    /// <summary>Removes a run: a write of its page; leading pages left empty are cleared and leave the index.</summary>
    private async Task Remove(string runId)
    {
        if (!_kept.Remove(runId)) return;
        int i = _pages.FindIndex(p => p.State!.Finished.Contains(runId));
        _pages[i].State!.Finished.Remove(runId);
        await _storage.WriteStateAsync(PageName(_index.State!.First + i), this.GetGrainId(), _pages[i]);
        bool moved = false;
        while (_pages.Count > 1 && _pages[0].State!.Finished.Count == 0)
        {
            await _storage.ClearStateAsync(PageName(_index.State.First), this.GetGrainId(), _pages[0]);
            _pages.RemoveAt(0);
            _index.State.First++;
            moved = true;
        }
        if (moved)
        {
            _index.State.Count = _pages.Count;
            await _storage.WriteStateAsync(IndexName, this.GetGrainId(), _index);
        }
    }
}

/// <summary>A page of the registry's stored list (and, before pages, the whole list).</summary>
[GenerateSerializer, Alias("ZjSim.RunRegistryState")]
internal sealed class RunRegistryState
{
    [Id(0)] public List<string> Finished { get; set; } = [];
}

/// <summary>Which pages the registry holds: First, First + 1, ..., First + Count - 1.</summary>
[GenerateSerializer, Alias("ZjSim.RunRegistryIndex")]
internal sealed class RunRegistryIndex
{
    [Id(0)] public int First { get; set; }
    [Id(1)] public int Count { get; set; }
}
