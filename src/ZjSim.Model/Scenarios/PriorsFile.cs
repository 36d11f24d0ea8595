namespace ZjSim.Model.Scenarios;

/// <summary>
/// config/zhejiang/priors.json: the prior of every uncertain parameter, in scenario-override form (each value a
/// distribution). `zjsim calibrate` infers all of them; `--parameters prior` runs a scenario with them.
/// </summary>
public static class PriorsFile
{
    public const string FileName = "priors.json";

    public static string PathIn(string configDir) => Path.Combine(configDir, "zhejiang", FileName);
}
