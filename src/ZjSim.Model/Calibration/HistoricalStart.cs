using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Calibration;

/// <summary>
/// A scenario moved back to a year before the base year, for backtest and calibration: its rates and
/// policies, with the province's state in that year from config/zhejiang/start-YEAR.json.
/// </summary>
public static class HistoricalStart
{
    public static string StartFile(string configDir, int year) => Path.Combine(configDir, ObservedData.Folder, $"start-{year}.json");

    /// <summary>The years that have a start file.</summary>
    public static IReadOnlyList<int> Available(string configDir)
    {
        string folder = Path.Combine(configDir, ObservedData.Folder);
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "start-*.json")
            .Select(f => int.TryParse(Path.GetFileNameWithoutExtension(f)["start-".Length..], out int y) ? y : 0)
            .Where(y => y > 0).Order().ToList();
    }

    /// <summary>
    /// Loads the scenario from <paramref name="from"/> to <paramref name="through"/>, with extra layers (such as
    /// calibration priors) merged after the scenario and before the start year's state.
    /// </summary>
    public static Scenario Load(string scenario, string configDir, int from, int through, double? scale, IReadOnlyList<string>? layers = null,
        ParameterSource parameters = ParameterSource.Median)
    {
        string start = StartFile(configDir, from);
        if (!File.Exists(start))
        {
            var years = Available(configDir);
            throw new ConfigException(start, null,
                $"not found: no initial conditions for {from} (years with a start file: {(years.Count == 0 ? "none" : string.Join(", ", years))})");
        }
        return ScenarioLoader.Load(scenario, configDir, new LoadOptions
        {
            Scale = scale,
            Layers = [.. layers ?? [], start],
            EndYear = through,
            HistoricalStart = true,
            Parameters = parameters,
        });
    }
}
