using ZjSim.Model.Scenarios;
using ZjSim.Model.World;
using ZjSim.TestSupport;

namespace ZjSim.Model.Tests;

/// <summary>The repository's own config/ folder and small worlds built from it.</summary>
public static class TestConfig
{
    public static string Dir => ConfigFolder.Path;

    public static Scenario Scenario(string name = "baseline", double? scale = 0.01) => ScenarioLoader.Load(name, Dir, scale);

    public static WorldLayout World(string name = "baseline", double scale = 0.01) => new(Scenario(name, scale).Parameters);
}
