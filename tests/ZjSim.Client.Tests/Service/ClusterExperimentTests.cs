using Xunit.Abstractions;

namespace ZjSim.Client.Tests.Service;

/// <summary>
/// Issue 14: the same experiment on a 3-silo cluster on loopback (Redis and three zjsim-silo processes) gives the same
/// experiments.csv and points.csv, byte for byte, as on the embedded silo. The design is small (a Latin hypercube of
/// five points over three parameters, three replications each, at 2% scale) so that it stays well under a minute on
/// two cores; its points still run in waves of several runs at once, so their lanes spread over the three silos.
/// </summary>
[Collection(ServiceProcessesCollection.Name)]
public sealed class ClusterExperimentTests(ITestOutputHelper output) : IDisposable
{
    private const string Design = """
        { "scenario": "baseline", "sampler": "lhs", "samples": 5, "seed": 14, "replications": 3, "scale": 0.02,
          "parameters": [ { "path": "adoption.q[0]", "min": 0.2, "max": 0.6 },
                          { "path": "government.campaigns[1].subsidy_share", "min": 0.0, "max": 0.3 },
                          { "path": "government.campaigns[0].budget", "min": 0.0, "max": 3.0 } ] }
        """;

    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task An_experiment_on_three_silo_processes_writes_the_same_bytes_as_on_the_embedded_silo()
    {
        string design = _cli.Path("design.json");
        File.WriteAllText(design, Design);

        var embedded = await _cli.Run("experiment", design, "--out", _cli.Path("embedded"));
        Assert.True(embedded.ExitCode == 0, embedded.Error + embedded.Out);

        await using var cluster = await LocalService.StartAsync(true, true, true);
        // Three points in flight: each wave's runs put their lanes on all three silos.
        var onCluster = await _cli.Run("--cluster", cluster.Address, "experiment", design, "--out", _cli.Path("cluster"), "--points-in-flight", "3");
        output.WriteLine(onCluster.Out + onCluster.Error);
        Assert.True(onCluster.ExitCode == 0, onCluster.Error + onCluster.Out);
        Assert.DoesNotContain(cluster.Password, onCluster.Out + onCluster.Error);

        var rows = File.ReadAllLines(_cli.Path("embedded/experiments.csv"));
        Assert.Equal(1 + 5 * 3, rows.Length);   // the design ran whole: 5 points x 3 replications
        foreach (var file in new[] { "experiments.csv", "points.csv" })
            Assert.True(File.ReadAllBytes(_cli.Path($"embedded/{file}")).SequenceEqual(File.ReadAllBytes(_cli.Path($"cluster/{file}"))),
                $"{file} differs between the embedded silo and the 3-silo cluster");
    }
}
