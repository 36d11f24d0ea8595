namespace ZjSim.Model.Scenarios;

/// <summary>Finds the config/ folder: an explicit path, ZJSIM_CONFIG, or the nearest one above the working directory or the program.</summary>
public static class ConfigDirectory
{
    public const string DefaultsFile = "model.json";
    public const string GoalsFile = "goals.json";
    public const string ScenariosFolder = "scenarios";

    public static string Locate(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            if (!File.Exists(Path.Combine(explicitPath, DefaultsFile)))
                throw new ConfigException(explicitPath, null, $"is not a ZjSim config folder (no {DefaultsFile})");
            return Path.GetFullPath(explicitPath);
        }
        var env = Environment.GetEnvironmentVariable("ZJSIM_CONFIG");
        if (!string.IsNullOrEmpty(env)) return Locate(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "config");
                if (File.Exists(Path.Combine(candidate, DefaultsFile))) return candidate;
            }
        }
        throw new ConfigException("config/", null, $"not found: no config/{DefaultsFile} above {Directory.GetCurrentDirectory()}; set ZJSIM_CONFIG or pass --config");
    }
}
