using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Tests;

/// <summary>The repository's own config/ folder and small worlds built from it.</summary>
public static class TestConfig
{
    public static string Dir { get; } = ConfigDirectory.Locate(FindRepoConfig());

    public static Scenario Scenario(string name = "baseline", double? scale = 0.01) => ScenarioLoader.Load(name, Dir, scale);

    public static WorldLayout World(string name = "baseline", double scale = 0.01) => new(Scenario(name, scale).Parameters);

    private static string FindRepoConfig()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "config", ConfigDirectory.DefaultsFile))) return Path.Combine(d.FullName, "config");
        throw new InvalidOperationException("config/ not found above the test binaries");
    }
}
