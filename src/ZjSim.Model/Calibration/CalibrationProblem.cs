using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Calibration;

/// <summary>
/// What a calibration infers and from what: the scenario moved back to the start year with every uncertain
/// parameter at its prior (config/zhejiang/priors.json, then the start file's own uncertain state), the record's
/// observations with their error models, and which parameters are the start year's state (start_only: a forward
/// run does not take them from the posterior).
/// </summary>
public sealed record CalibrationProblem(Scenario Scenario, IReadOnlyList<UncertainParameter> Priors, IReadOnlySet<string> StartOnly,
    ObservedData Data, ObservationDistance Distance, int From, int Through, int? FitThrough)
{
    public IReadOnlyList<string> Paths => Priors.Select(p => p.Path).ToList();
    public double Scale => Scenario.Parameters.World.Scale;

    /// <param name="fitThrough">Validation: fit only observations up to this year (the rest are held out).</param>
    public static CalibrationProblem Load(string scenario, string configDir, int from, int through, double scale, int? fitThrough = null)
    {
        var data = ObservedData.Load(ObservedData.PathIn(configDir));
        var loaded = HistoricalStart.Load(scenario, configDir, from, through, scale, parameters: ParameterSource.Prior);
        var startFile = HistoricalStart.StartFile(configDir, from);
        var startParameters = ScenarioLoader.ReadObject(startFile)["parameters"] as JsonObject ?? new JsonObject();
        var startOnly = loaded.Uncertainty.Parameters.Select(p => p.Path)
            .Where(path => SetsPath(startParameters, path)).ToHashSet();
        return new CalibrationProblem(loaded, loaded.Uncertainty.Parameters, startOnly, data,
            new ObservationDistance(data, loaded, fitThrough), from, through, fitThrough);
    }

    /// <summary>
    /// The same problem fitted to another record (simulation-based calibration's synthetic ones): same scenario, priors
    /// and years, the distance rebuilt on <paramref name="data"/> so its targets carry the new values and error sds.
    /// </summary>
    public CalibrationProblem WithData(ObservedData data) =>
        this with { Data = data, Distance = new ObservationDistance(data, Scenario, FitThrough) };

    private static bool SetsPath(JsonObject overrides, string path) => ParameterPath.Get(overrides, path) is not null;
}
