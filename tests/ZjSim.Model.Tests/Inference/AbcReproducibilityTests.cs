using ZjSim.Model.Inference;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Tests.Inference;

/// <summary>A calibration is a pure function of its settings and simulator: batches, restarts and seeds.</summary>
public sealed class AbcReproducibilityTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zjsim-abc-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly UncertainParameter[] Priors =
    [
        new("mu", new UniformDistribution(-10, 10)),
        new("nuisance", new TriangularDistribution(0, 0.3, 1)),
    ];

    private static readonly double Observed = NormalMeanSimulator.Observe(1.5);

    private static AbcSettings Settings(int? batch = null, ulong seed = 3) =>
        new() { Particles = 300, Seed = seed, MinTolerance = 0.1, MaxPopulations = 30, BatchSize = batch };

    [Fact]
    public async Task The_batch_size_does_not_change_the_result()
    {
        var whole = await new AbcSmc(Priors, Settings()).RunAsync(new NormalMeanSimulator(Observed));
        var batched = new NormalMeanSimulator(Observed);
        var inBatches = await new AbcSmc(Priors, Settings(batch: 64)).RunAsync(batched);
        Assert.True(whole.Populations.Count >= 5, "a run long enough to mean something");
        Assert.True(batched.Calls > whole.Populations.Count, "the batched run really called in batches");
        AbcAssert.Identical(whole.Populations, inBatches.Populations);
        Assert.Equal(whole.StopReason, inBatches.StopReason);
    }

    [Fact]
    public async Task The_seed_alone_decides_the_draws()
    {
        var a = await new AbcSmc(Priors, Settings() with { MaxPopulations = 3 }).RunAsync(new NormalMeanSimulator(Observed));
        var b = await new AbcSmc(Priors, Settings() with { MaxPopulations = 3 }).RunAsync(new NormalMeanSimulator(Observed));
        var c = await new AbcSmc(Priors, Settings(seed: 4) with { MaxPopulations = 3 }).RunAsync(new NormalMeanSimulator(Observed));
        AbcAssert.Identical(a.Populations, b.Populations);
        Assert.NotEqual(a.Final.Particles.Values[0], c.Final.Particles.Values[0]);
    }

    /// <summary>
    /// Cancelled after population 2 (whose checkpoint the callback wrote), then resumed from the checkpoint file:
    /// populations 2 onwards are those of the unbroken run, bit for bit.
    /// </summary>
    [Fact]
    public async Task A_run_resumed_from_its_checkpoint_equals_the_unbroken_run()
    {
        var unbroken = await new AbcSmc(Priors, Settings()).RunAsync(new NormalMeanSimulator(Observed));
        Assert.True(unbroken.Final.Index >= 4);

        string checkpoint = Path.Combine(_dir, "abc-checkpoint.json");
        using var cts = new CancellationTokenSource();
        var engine = new AbcSmc(Priors, Settings(batch: 50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunAsync(new NormalMeanSimulator(Observed),
            onPopulation: p =>
            {
                AbcCheckpoint.Write(checkpoint, engine.Settings, engine.Paths, p);
                if (p.Index == 2) cts.Cancel();
            },
            ct: cts.Token));

        var from = AbcCheckpoint.ReadFor(checkpoint, Settings(), Priors.Select(p => p.Path).ToList());
        Assert.Equal(2, from.Index);
        var resumed = await new AbcSmc(Priors, Settings()).RunAsync(new NormalMeanSimulator(Observed), resumeFrom: from);
        AbcAssert.Identical(unbroken.Populations.Skip(2).ToList(), resumed.Populations);
        Assert.Equal(unbroken.StopReason, resumed.StopReason);
        Assert.Equal(unbroken.Simulations, resumed.Simulations);
    }

    [Fact]
    public async Task Progress_reports_every_batch_and_each_population_once()
    {
        var progress = new List<AbcProgress>();
        var populations = new List<AbcPopulation>();
        var result = await new AbcSmc(Priors, Settings(batch: 100) with { MaxPopulations = 3 })
            .RunAsync(new NormalMeanSimulator(Observed), progress: progress.Add, onPopulation: populations.Add);
        AbcAssert.Identical(result.Populations, populations);
        Assert.All(progress, p => Assert.InRange(p.Accepted, 0, 300));
        Assert.Null(progress[0].PreviousEss);
        Assert.All(progress.Where(p => p.Population > 0), p => Assert.NotNull(p.PreviousEss));
        foreach (var pop in result.Populations)
        {
            // one report per batch of 100: 3 for the prior sample, 3 per move after it
            var reports = progress.Where(p => p.Population == pop.Index).ToList();
            Assert.Equal(pop.Index == 0 ? 3 : 3 * AbcSettings.DefaultMoves, reports.Count);
            Assert.Equal(pop.PopulationSimulations, reports[^1].Simulations);
        }
    }
}
