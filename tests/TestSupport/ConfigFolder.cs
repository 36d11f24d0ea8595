using ZjSim.Model.Scenarios;

namespace ZjSim.TestSupport;

/// <summary>
/// The repository's own config/ folder, found above the test binaries. One file, linked into each test
/// project (see their .csproj), so the three test projects look for it the same way.
/// </summary>
internal static class ConfigFolder
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string config = System.IO.Path.Combine(d.FullName, "config");
            if (File.Exists(System.IO.Path.Combine(config, ConfigDirectory.DefaultsFile))) return ConfigDirectory.Locate(config);
        }
        throw new InvalidOperationException("config/ not found above the test binaries");
    }
}
