using System.Globalization;
using System.Text.Json.Nodes;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Calibration;

/// <summary>
/// config/zhejiang/calibrated.json, which every shipped scenario extends: it names the posterior the runs draw from
/// ("posterior": "posterior.csv") and holds the posterior medians in scenario-override form (what `--parameters
/// median` runs and what `zjsim scenario show` prints), with a short record of the calibration the loader does not read.
/// </summary>
public static class CalibratedFile
{
    public const string FileName = "calibrated.json";

    public static string PathIn(string configDir) => Path.Combine(configDir, ObservedData.Folder, FileName);

    /// <summary>
    /// The override tree: each value at its path; a value inside a list carries the whole list (overrides replace
    /// lists whole), the other entries as the calibrated scenario had them.
    /// </summary>
    public static JsonObject Overrides(Scenario scenario, IReadOnlyList<string> paths, IReadOnlyList<double> values)
    {
        var fitted = JsonNode.Parse(scenario.CanonicalJson)!;
        if (fitted is JsonObject o) o.Remove(Uncertainty.JointSample.JsonKey);
        for (int k = 0; k < paths.Count; k++) ParameterPath.Set(fitted, paths[k], JsonValue.Create(values[k]));
        var overrides = new JsonObject();
        foreach (var path in paths)
        {
            var segments = ParameterPath.Segments(path);
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
            ["posterior"] = PosteriorFile.CsvName,
            ["calibration"] = record,
            ["parameters"] = overrides,
        };
        return "// Written by `zjsim calibrate`; rerun it rather than editing by hand (docs/MODEL.md, section 7.9).\n"
            + "// The runs draw each replication's parameters from posterior.csv; \"parameters\" holds the posterior medians\n"
            + "// (what `--parameters median` runs). A distribution here stays a distribution unless the posterior sets it.\n"
            + file.ToJsonString(ConfigJson.Indented) + "\n";
    }

    /// <summary>Six significant digits: the medians are not known more precisely, and the file stays readable.</summary>
    public static double Round(double v) => double.Parse(v.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
