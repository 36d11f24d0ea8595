using System.Globalization;
using System.Text.Json.Nodes;
using ZjSim.Model.Inference;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Scenarios;

/// <summary>
/// The posterior a scenario names (a layer's "posterior": "posterior.csv"), read as the joint sample its runs draw
/// from. Parameters the posterior marks start_only (the state of the calibration's historical start year) are used
/// only by a run that starts in that same year (a backtest): a forward run starts from the base year's own state.
/// A layer merged after the one naming the posterior wins where it sets a parameter.
/// </summary>
internal static class PosteriorLayer
{
    public static JointSample? Read(string? csvPath, string configDir, JsonObject merged, LoadOptions options, Func<string, bool> setLater)
    {
        if (csvPath is null) return null;
        var set = PosteriorFile.ReadCsv(csvPath);
        string jsonPath = Path.ChangeExtension(csvPath, ".json");
        var provenance = PosteriorFile.ReadProvenance(jsonPath)
            ?? throw new ConfigException(jsonPath, null, "not found: the posterior's provenance is written beside its CSV by `zjsim calibrate`");
        var startOnly = new HashSet<string>();
        if (provenance["parameters"] is JsonArray parameters)
            foreach (var p in parameters.OfType<JsonObject>())
                if (p["start_only"] is JsonValue so && so.TryGetValue(out bool b) && b && p["path"] is JsonValue pp && pp.TryGetValue(out string? path))
                    startOnly.Add(path);
        int from = provenance["from"] is JsonValue f && f.TryGetValue(out int y) ? y : -1;
        int baseYear = merged["years"]?["base_year"] is JsonValue by && by.TryGetValue(out int b2) ? b2 : -2;
        bool sameStart = options.HistoricalStart && from == baseYear;

        var keep = new List<int>();
        for (int k = 0; k < set.Paths.Count; k++)
        {
            string path = set.Paths[k];
            if (startOnly.Contains(path) && !sameStart) continue;
            // A later layer sets it (a test's or a user's own values): the layer wins, except the start year's own
            // state, which the posterior inferred from that very start.
            if (setLater(path) && !(startOnly.Contains(path) && sameStart)) continue;
            Type? type;
            try { type = ParameterSchema.TypeAt(path); }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException) { type = null; }
            if (type != typeof(double))
                throw new ConfigException(csvPath, path, "is not a real-valued model parameter, so the posterior cannot set it");
            keep.Add(k);
        }
        if (keep.Count == 0) return null;
        var rows = set.Values.Select(v => keep.Select(k => v[k]).ToArray()).ToArray();
        var particles = new ParticleSet(keep.Select(k => set.Paths[k]).ToArray(), rows, set.Weights);
        string source = Path.GetRelativePath(configDir, csvPath).Replace('\\', '/');
        return new JointSample(particles, JointSelection.Weighted, source, PosteriorFile.Sha256(csvPath));
    }

    /// <summary>Each parameter's smallest and largest particle, with the others at their medians, must pass validation.</summary>
    public static void CheckSupport(JointSample posterior, JsonObject nominal, Func<JsonNode, List<ConfigIssue>> validate)
    {
        for (int k = 0; k < posterior.Paths.Count; k++)
        {
            var column = posterior.Particles.Column(k);
            foreach (double end in new[] { column.Min(), column.Max() })
            {
                var trial = nominal.DeepClone();
                ParameterPath.Set(trial, posterior.Paths[k], JsonValue.Create(end));
                var issues = validate(trial);
                if (issues.Count > 0)
                    throw new ConfigException(posterior.Source, posterior.Paths[k],
                        $"has a particle at {end.ToString("R", CultureInfo.InvariantCulture)}, where {(issues[0].Path == posterior.Paths[k] ? "it" : $"'{issues[0].Path}'")} {issues[0].Message}");
            }
        }
    }
}
