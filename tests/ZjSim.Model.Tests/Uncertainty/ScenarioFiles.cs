namespace ZjSim.Model.Tests.Uncertainty;

/// <summary>Scenario files written to a temporary folder for one test class.</summary>
public sealed class ScenarioFiles : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("zjsim-uncertain-").FullName;

    public string Write(string name, string parametersJson)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, $"{{ \"description\": \"{name}\", \"parameters\": {parametersJson} }}");
        return path;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
