using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ZjSim.GrainInterfaces;
using ZjSim.GrainInterfaces.Telemetry;
using ZjSim.Model;

namespace ZjSim.Grains;

/// <summary>
/// Collects a run's replication outcomes (keyed by replication, so a retried replication is counted once)
/// and counts, per goal, the replications that met it. Every outcome is written to grain storage before
/// Record returns (a lane's batch at once, a write per page it touches), so an aggregator that dies with its silo comes back whole on another. With telemetry on,
/// each yearly indicator's mean over the replications so far is published as a gauge.
/// </summary>
internal sealed class AggregatorGrain(IServiceProvider services) : Grain, IAggregatorGrain
{
    // Outcomes are stored in pages of this many replications: one write per outcome stays small however
    // many replications a run has (about 9 KB on average, against 70 KB with pages of 64, for Redis to take
    // on every replication), where a single state would be rewritten whole each time.
    private const int PageSize = 8;

    private readonly SortedDictionary<int, ReplicationOutcome> _outcomes = [];
    private readonly Dictionary<int, GrainState<OutcomePage>> _pages = [];
    private readonly GrainState<OutcomePageIndex> _index = new(new OutcomePageIndex());
    private IGrainStorage _storage = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storage = services.GetRequiredKeyedService<IGrainStorage>(ServiceNames.Storage);
        await _storage.ReadStateAsync(IndexName, this.GetGrainId(), _index);
        _index.State ??= new OutcomePageIndex();
        foreach (int page in _index.State.Pages)
        {
            var state = new GrainState<OutcomePage>(new OutcomePage());
            await _storage.ReadStateAsync(PageName(page), this.GetGrainId(), state);
            state.State ??= new OutcomePage();
            _pages[page] = state;
            foreach (var (replication, outcome) in state.State.Outcomes) _outcomes[replication] = outcome;
        }
    }

    /// <summary>A lane's batch of outcomes: each page they fall in is written once, before Record returns.</summary>
    public async Task Record(Immutable<ReplicationOutcome[]> outcomes)
    {
        foreach (var byPage in outcomes.Value.GroupBy(o => o.Replication / PageSize))
        {
            int page = byPage.Key;
            if (!_pages.TryGetValue(page, out var state))
            {
                state = new GrainState<OutcomePage>(new OutcomePage());
                _pages[page] = state;
            }
            foreach (var o in byPage) state.State!.Outcomes[o.Replication] = o;
            await Write(PageName(page), state, stored => { foreach (var o in byPage) stored.Outcomes[o.Replication] = o; });
            if (!_index.State!.Pages.Contains(page))
            {
                _index.State.Pages.Add(page);
                await Write(IndexName, _index, stored => { if (!stored.Pages.Contains(page)) stored.Pages.Add(page); });
            }
            // The page may have come back from storage with outcomes another activation recorded.
            foreach (var (replication, recorded) in state.State!.Outcomes) _outcomes[replication] = recorded;
        }
        foreach (var o in outcomes.Value) PublishMeans(o);
    }

    /// <summary>
    /// Writes a stored state. A conflict means another activation of this aggregator wrote it meanwhile
    /// (Orleans briefly had two while a silo's death was sorted out): outcomes are deterministic, so read
    /// what it wrote, add ours again and write the union.
    /// </summary>
    private async Task Write<T>(string name, GrainState<T> state, Action<T> addOurs) where T : class, new()
    {
        try
        {
            await _storage.WriteStateAsync(name, this.GetGrainId(), state);
        }
        catch (InconsistentStateException)
        {
            await _storage.ReadStateAsync(name, this.GetGrainId(), state);
            state.State ??= new T();
            addOurs(state.State);
            await _storage.WriteStateAsync(name, this.GetGrainId(), state);
        }
    }

    public async Task Forget()
    {
        foreach (var (page, state) in _pages) await _storage.ClearStateAsync(PageName(page), this.GetGrainId(), state);
        await _storage.ClearStateAsync(IndexName, this.GetGrainId(), _index);
        _pages.Clear();
        _outcomes.Clear();
        _index.State = new OutcomePageIndex();
        DeactivateOnIdle();
    }

    public Task<Immutable<ReplicationOutcome[]>> Outcomes() => Task.FromResult(_outcomes.Values.ToArray().AsImmutable());

    public Task<RecordedReplications> Recorded() =>
        Task.FromResult(new RecordedReplications([.. _outcomes.Keys], _outcomes.Values.Sum(o => o.EnterpriseYears)));

    public Task<Immutable<ReplicationOutcome[]>> OutcomesFrom(int fromReplication, int count) =>
        Task.FromResult(_outcomes.SkipWhile(o => o.Key < fromReplication).Take(Math.Max(0, count)).Select(o => o.Value).ToArray().AsImmutable());

    private const string IndexName = "outcome-pages";
    private static string PageName(int page) => $"outcomes-{page}";

    private void PublishMeans(ReplicationOutcome latest)
    {
        if (!ZjSimTelemetry.Indicator.Enabled) return;
        var t = latest.Indicators;
        for (int year = t.FirstYear; year <= t.LastYear; year++)
            foreach (var indicator in Indicators.All)
            {
                if (double.IsNaN(t[year, indicator])) continue;
                double sum = 0;
                foreach (var o in _outcomes.Values) sum += o.Indicators[year, indicator];
                ZjSimTelemetry.Indicator.Record(sum / _outcomes.Count,
                    new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Scenario, latest.Scenario),
                    new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Indicator, indicator.Name),
                    new KeyValuePair<string, object?>(ZjSimTelemetry.Tags.Year, year));
            }
    }
}
