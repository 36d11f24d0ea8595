using ZjSim.Client.Commands;
using ZjSim.Client.Inference;
using ZjSim.Model.Calibration;
using ZjSim.Model.Inference;

namespace ZjSim.Client.Tests.Inference;

/// <summary>Grains = reference: a calibration batch simulated through the grains gives the in-thread simulator's distances bit for bit.</summary>
public sealed class GrainSimulatorTests
{
    [Fact]
    public async Task The_grains_give_the_in_thread_distances_bit_for_bit()
    {
        var problem = CalibrationProblem.Load("baseline", CliHarness.ConfigDir, 2018, 2021, 0.01);
        // Six prior draws: the engine's own population 0, whose distances the in-thread simulator gave from simulation 0.
        var settings = new AbcSettings { Particles = 6, Seed = 5, MaxPopulations = 1 };
        var prior = await new AbcSmc(problem.Priors, settings).RunAsync(new InThreadSimulator(problem, settings.Seed));
        var candidates = prior.Final.Particles.Values.ToList();
        const long first = 1234;
        var reference = new InThreadSimulator(problem, settings.Seed).Distances(candidates, first, CancellationToken.None);
        Assert.All(reference, d => Assert.True(double.IsFinite(d) && d > 0, $"distance {d}"));
        Assert.Equal(prior.Final.Distances, new InThreadSimulator(problem, settings.Seed).Distances(candidates, 0, CancellationToken.None));

        await using var host = await SimulationHosts.StartAsync(null, null, CancellationToken.None);
        var grains = new GrainSimulator(host, problem, settings.Seed, $"test-grains-{Guid.NewGuid():N}", 2, _ => { });
        var viaGrains = await grains.DistancesAsync(candidates, first, CancellationToken.None);
        Assert.Equal(reference.Select(BitConverter.DoubleToInt64Bits), viaGrains.Select(BitConverter.DoubleToInt64Bits));
        // Another first simulation is another batch seed: the comparison is not of constants.
        var shifted = new InThreadSimulator(problem, settings.Seed).Distances(candidates, first + 1, CancellationToken.None);
        Assert.NotEqual(reference, shifted);

        // A second batch of the same size with other candidates, on the same silo: the silo's cache of worlds must
        // not hand it the first batch's (they once shared a scenario hash, and so a cache entry).
        var others = candidates.Select(c => c.ToArray()).Reverse().ToList();
        var referenceOthers = new InThreadSimulator(problem, settings.Seed).Distances(others, first + 6, CancellationToken.None);
        var viaGrainsOthers = await grains.DistancesAsync(others, first + 6, CancellationToken.None);
        Assert.Equal(referenceOthers.Select(BitConverter.DoubleToInt64Bits), viaGrainsOthers.Select(BitConverter.DoubleToInt64Bits));
    }
}
