using System.Text.Json.Nodes;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Tests.Inference;

/// <summary>The checkpoint reads back bit for bit, and a bad one is refused naming the file and the field.</summary>
public sealed class AbcCheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zjsim-abc-checkpoint-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Paths = ["adoption.q[0]", "brain.threshold"];
    private static readonly AbcSettings Settings = new() { Particles = 3, Seed = 9, MinTolerance = 0.5, BatchSize = 2 };

    /// <summary>Awkward doubles on purpose: thirds, a subnormal, an infinite distance and an infinite tolerance.</summary>
    private static AbcPopulation Population(double tolerance = double.PositiveInfinity) => new(
        0, tolerance,
        new ParticleSet(Paths, [[1.0 / 3, -2e-310], [Math.PI, 1e300], [0.1 + 0.2, -0.0]], [1.0 / 3, 1.0 / 7, 0.7]),
        [0.1 + 0.2, double.PositiveInfinity, 2.0 / 3], 3, 3, 1.0, 0.123);

    private string Write(AbcPopulation? p = null)
    {
        string path = Path.Combine(_dir, "sub", "checkpoint.json");
        AbcCheckpoint.Write(path, Settings, Paths, p ?? Population());
        return path;
    }

    [Fact]
    public void A_checkpoint_reads_back_bit_for_bit()
    {
        foreach (var original in new[] { Population(), Population(tolerance: 1.0 / 3) })
        {
            string path = Write(original);
            var (settings, paths, population) = AbcCheckpoint.Read(path);
            Assert.Equal(Settings, settings);
            Assert.Equal(Paths, paths);
            AbcAssert.Identical(original, population);
            Assert.Equal(original.Seconds, population.Seconds);
            Assert.Equal(["checkpoint.json"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        }
    }

    [Fact]
    public void A_truncated_checkpoint_is_a_config_error_naming_the_file()
    {
        string path = Write();
        File.WriteAllText(path, File.ReadAllText(path)[..40]);
        var e = Assert.Throws<ConfigException>(() => AbcCheckpoint.Read(path));
        Assert.Equal(path, e.File);
        Assert.Contains("corrupt", e.Message);
    }

    [Theory]
    [InlineData("settings", "alpha", "\"half\"", "settings.alpha")]
    [InlineData("settings", "particles", "4", "population.weights")]
    [InlineData("population", "tolerance", "\"inf\"", "population.tolerance")]
    [InlineData("population", "index", "1.5", "population.index")]
    [InlineData("population", "distances", "[1, 2]", "population.distances")]
    public void A_malformed_field_is_named(string section, string key, string json, string field)
    {
        string path = Write();
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        root[section]![key] = JsonNode.Parse(json);
        File.WriteAllText(path, root.ToJsonString());
        var e = Assert.Throws<ConfigException>(() => AbcCheckpoint.Read(path));
        Assert.Equal(path, e.File);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_named_by_particle_and_parameter()
    {
        string path = Write();
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        root["population"]!["values"]![1]![0] = "pi";
        File.WriteAllText(path, root.ToJsonString());
        Assert.Equal("population.values[1][0]", Assert.Throws<ConfigException>(() => AbcCheckpoint.Read(path)).Field);
    }

    [Fact]
    public void A_checkpoint_of_another_calibration_is_refused_for_resume()
    {
        string path = Write();
        Assert.Equal(0, AbcCheckpoint.ReadFor(path, Settings with { MaxPopulations = 40, BatchSize = null }, Paths).Index);
        Assert.Equal("settings.seed", Assert.Throws<ConfigException>(() => AbcCheckpoint.ReadFor(path, Settings with { Seed = 10 }, Paths)).Field);
        Assert.Equal("settings.min_tolerance", Assert.Throws<ConfigException>(() => AbcCheckpoint.ReadFor(path, Settings with { MinTolerance = 1 }, Paths)).Field);
        var e = Assert.Throws<ConfigException>(() => AbcCheckpoint.ReadFor(path, Settings, ["adoption.q[0]", "brain.other"]));
        Assert.Equal("paths", e.Field);
        Assert.Contains("brain.other", e.Message);
        Assert.Null(Assert.Throws<ConfigException>(() => AbcCheckpoint.ReadFor(Path.Combine(_dir, "none.json"), Settings, Paths)).Field);
    }
}
