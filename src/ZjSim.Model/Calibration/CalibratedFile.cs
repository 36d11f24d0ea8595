using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Calibration;

/// <summary>
/// config/zhejiang/calibrated.json: the fitted values in scenario-override form (so a scenario can
/// "extend" it), with a "calibration" record of how they were made, which the loader does not read.
/// </summary>
public static class CalibratedFile
{
    public const string FileName = "calibrated.json", PriorsFileName = "priors.json";

    public static string PathIn(string configDir) => Path.Combine(configDir, ObservedData.Folder, FileName);
    public static string PriorsPathIn(string configDir) => Path.Combine(configDir, ObservedData.Folder, PriorsFileName);

    /// <summary>The priors file's distributions: the parameters to fit and their ranges.</summary>
    public static IReadOnlyList<FitParameter> ReadPriors(string path)
    {
        var file = ScenarioLoader.ReadObject(path);
        if (file["parameters"] is not JsonObject parameters)
            throw new ConfigException(path, "parameters", "must be an object holding the parameters to fit, each as a distribution");
        var found = Uncertainty.ParameterUncertainty.Find(parameters, path);
        if (found.Count == 0)
            throw new ConfigException(path, "parameters", "holds no distribution: give each parameter to fit as a distribution over its prior range");
        return found.Select(p => new FitParameter(p.Path, p.Distribution)).ToList();
    }

    /// <summary>
    /// The override tree: each fitted value at its path; a value inside a list carries the whole list
    /// (overrides replace lists whole), the other entries as the calibrated scenario had them.
    /// </summary>
    public static JsonObject Overrides(Scenario scenario, IReadOnlyList<FitParameter> parameters, IReadOnlyList<double> values)
    {
        var fitted = JsonNode.Parse(scenario.CanonicalJson)!;
        for (int k = 0; k < parameters.Count; k++) ParameterPath.Set(fitted, parameters[k].Path, JsonValue.Create(Round(values[k])));
        var overrides = new JsonObject();
        foreach (var p in parameters)
        {
            var segments = ParameterPath.Segments(p.Path);
            int cut = segments.TakeWhile(s => s is string).Count();
            JsonObject node = overrides;
            for (int i = 0; i < cut - 1; i++)
            {
                string key = (string)segments[i];
                node = node[key] as JsonObject ?? (JsonObject)(node[key] = new JsonObject());
            }
            string prefix = string.Join('.', segments.Take(cut));
            node[(string)segments[cut - 1]] = ParameterPath.Get(fitted, prefix)!.DeepClone();
        }
        return overrides;
    }

    public static string Json(JsonObject overrides, JsonObject record, string description)
    {
        var file = new JsonObject
        {
            ["description"] = description,
            ["calibration"] = record,
            ["parameters"] = overrides,
        };
        return "// Written by `zjsim calibrate`; rerun it rather than editing by hand (docs/MODEL.md, section 7.9).\n"
            + file.ToJsonString(ConfigJson.Indented) + "\n";
    }

    public static JsonObject Record(CalibrationResult r, string scenario, int from, int through, ulong seed, int replications, double scale, ObservedData data) => new()
    {
        ["scenario"] = scenario,
        ["from"] = from,
        ["through"] = through,
        ["seed"] = seed,
        ["replications"] = replications,
        ["scale"] = scale,
        ["evaluations"] = r.Evaluations,
        ["converged"] = r.Converged,
        ["seconds"] = Math.Round(r.Seconds, 1),
        ["objective"] = Round(r.Objective),
        ["objective_at_prior_medians"] = Round(r.StartObjective),
        ["fitted"] = new JsonArray(r.Parameters.Select((p, k) => (JsonNode)new JsonObject
        {
            ["parameter"] = p.Path,
            ["value"] = Round(r.Values[k]),
            ["prior"] = p.Prior.ToJson(),
            ["at_bound"] = p.AtBound(r.Values[k]),
        }).ToArray()),
        ["fit"] = new JsonArray(r.Points.Select(f => (JsonNode)new JsonObject
        {
            ["series"] = f.Series,
            ["as_of"] = f.Point.AsOf,
            ["observed"] = f.Point.Value,
            ["simulated"] = Round(f.Simulated),
            ["relative_error"] = Round(f.RelativeError),
        }).ToArray()),
    };

    /// <summary>Six significant digits: the fit is not more precise than that, and the file stays readable.</summary>
    private static double Round(double v) => double.Parse(v.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
