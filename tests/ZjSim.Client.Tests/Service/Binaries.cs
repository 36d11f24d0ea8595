namespace ZjSim.Client.Tests.Service;

/// <summary>
/// The built zjsim and zjsim-silo assemblies, of the configuration these tests were built in (the test
/// project references both projects, so they are built first).
/// </summary>
public static class Binaries
{
    public static string Client { get; } = Find("ZjSim.Client", "zjsim.dll");
    public static string Silo { get; } = Find("ZjSim.Silo", "zjsim-silo.dll");

    private static string Find(string project, string assembly)
    {
        // This assembly runs from tests/ZjSim.Client.Tests/bin/<configuration>/<framework>/.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name, configuration = here.Parent!.Name;
        for (var d = here; d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "src", project, "bin", configuration, framework, assembly);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"{assembly} not built for {configuration}/{framework}: build ZjSim.sln first");
    }
}
