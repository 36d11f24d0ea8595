using ZjSim.Model.Inference;
using ZjSim.Model.Random;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Tests.Inference;

/// <summary>Each stopping rule ends the run where it should and says so in words.</summary>
public sealed class AbcStopTests
{
    private static readonly UncertainParameter[] Priors = [new("mu", new UniformDistribution(-10, 10))];
    private static readonly double Observed = NormalMeanSimulator.Observe(0.4);
    private static readonly AbcSettings Base = new() { Particles = 200, Seed = 5, MinTolerance = 0.2, MaxPopulations = 30 };

    [Fact]
    public async Task It_stops_at_the_tolerance_floor_and_never_goes_below_it()
    {
        var r = await new AbcSmc(Priors, Base).RunAsync(new NormalMeanSimulator(Observed));
        Assert.Equal("tolerance reached the observation-error floor (0.2)", r.StopReason);
        Assert.Equal(0.2, r.Final.Tolerance);
        Assert.All(r.Populations.SkipLast(1), p => Assert.True(p.Tolerance > 0.2));
    }

    [Fact]
    public async Task It_stops_after_the_maximum_number_of_populations()
    {
        var r = await new AbcSmc(Priors, Base with { MaxPopulations = 3, MinTolerance = 0 }).RunAsync(new NormalMeanSimulator(Observed));
        Assert.Equal(3, r.Populations.Count);
        Assert.Equal(2, r.Final.Index);
        Assert.StartsWith("reached the maximum of 3 populations", r.StopReason);
    }

    /// <summary>
    /// A budget one short of what population 3 consumed leaves population 2 as the result (and it is the same
    /// population 2 as without a budget); a budget of exactly that much completes population 3.
    /// </summary>
    [Fact]
    public async Task When_the_simulation_budget_runs_out_the_last_complete_population_is_the_result()
    {
        var free = await new AbcSmc(Priors, Base with { MaxPopulations = 5, MinTolerance = 0 }).RunAsync(new NormalMeanSimulator(Observed));
        long through3 = free.Populations[3].Simulations;

        var simulator = new NormalMeanSimulator(Observed);
        var shortRun = await new AbcSmc(Priors, Base with { MaxPopulations = 5, MinTolerance = 0, MaxSimulations = through3 - 1 })
            .RunAsync(simulator);
        Assert.Equal(2, shortRun.Final.Index);
        AbcAssert.Identical(free.Populations[2], shortRun.Final);
        Assert.Contains("simulation budget", shortRun.StopReason);
        Assert.Contains("the result is population 2", shortRun.StopReason);
        Assert.Equal(free.Populations[2].Simulations - 1, simulator.HighestSimulation);   // population 3 was not started

        var exact = await new AbcSmc(Priors, Base with { MaxPopulations = 5, MinTolerance = 0, MaxSimulations = through3 })
            .RunAsync(new NormalMeanSimulator(Observed));
        Assert.Equal(3, exact.Final.Index);
        Assert.Contains("simulation budget", exact.StopReason);
    }

    /// <summary>
    /// A simulator whose distance ignores the parameter (uniform on [0, 1)): a move is accepted only if its new
    /// distance is below ε_t, which halves each population, so the moves' acceptance rate halves too and falls below
    /// 2% by population 6 or 7. The run stops after that population; every earlier one moved at least 2%.
    /// </summary>
    [Fact]
    public async Task It_stops_when_the_acceptance_rate_falls_below_the_minimum()
    {
        var r = await new AbcSmc(Priors, Base with { MinTolerance = 0 }).RunAsync(new NoiseSimulator());
        Assert.StartsWith("the moves' acceptance rate fell below 0.02", r.StopReason);
        Assert.InRange(r.Final.Index, 4, 9);
        Assert.Contains($"in population {r.Final.Index}", r.StopReason);
        Assert.True(r.Final.AcceptanceRate < 0.02);
        Assert.All(r.Populations.Skip(1).SkipLast(1), p => Assert.True(p.AcceptanceRate >= 0.02));
    }

    [Fact]
    public void Settings_that_cannot_work_are_refused_with_the_setting_named()
    {
        Assert.Contains("alpha", Assert.Throws<ArgumentException>(() => new AbcSmc(Priors, Base with { Alpha = 1 })).Message);
        Assert.Contains("max simulations", Assert.Throws<ArgumentException>(() => new AbcSmc(Priors, Base with { MaxSimulations = 100 })).Message);
    }

    private sealed class NoiseSimulator : IAbcSimulator
    {
        public Task<double[]> DistancesAsync(IReadOnlyList<double[]> candidates, long firstSimulation, CancellationToken ct) =>
            Task.FromResult(Enumerable.Range(0, candidates.Count)
                .Select(j => new RandomStream(77, checked((int)(firstSimulation + j)), 0, 0, Purpose.Science).Uniform(0))
                .ToArray());
    }
}
