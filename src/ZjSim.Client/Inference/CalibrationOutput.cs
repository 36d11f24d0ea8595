using System.Globalization;
using System.Text.Json.Nodes;
using ZjSim.Model.Calibration;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Inference;

/// <summary>
/// What `zjsim calibrate` writes, all or nothing: posterior.csv (the final population's weighted particles),
/// posterior.json (how they were made) and calibrated.json (the medians and the "posterior" key the scenarios
/// follow). Each is written to a temporary name first and the three are moved into place only once all are written.
/// </summary>
public static class CalibrationOutput
{
    public const string Method = "ABC-SMC with MCMC moves (Del Moral, Doucet & Jasra 2012): adaptive tolerances (alpha-quantile of the previous population's distances), resampling, Metropolis-Hastings moves with a normal random walk in logit coordinates scaled 2.38^2/d (Roberts, Gelman & Gilks 1997)";

    public static void Write(string folder, CalibrationProblem problem, AbcSettings settings, AbcResult result, IReadOnlyList<AbcPopulation> populations,
        string scenarioName, string configDir, double seconds, string? commit)
    {
        var final = result.Final;
        string csvPath = Path.Combine(folder, PosteriorFile.CsvName);
        string jsonPath = Path.Combine(folder, PosteriorFile.JsonName);
        string calibratedPath = Path.Combine(folder, CalibratedFile.FileName);
        string suffix = $".partial-{Environment.ProcessId}";
        string csv = PosteriorFile.Csv(final.Particles);
        File.WriteAllText(csvPath + suffix, csv);
        string sha = PosteriorFile.Sha256(csvPath + suffix);

        var provenance = new JsonObject
        {
            ["method"] = Method,
            ["csv"] = PosteriorFile.CsvName,
            ["csv_sha256"] = sha,
            ["written"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["zjsim_commit"] = commit,
            ["scenario"] = scenarioName,
            ["from"] = problem.From,
            ["through"] = problem.Through,
            ["fit_through"] = problem.FitThrough,
            ["scale"] = problem.Scale,
            ["seed"] = settings.Seed,
            ["particles"] = final.Particles.Count,
            ["alpha"] = settings.Alpha,
            ["min_tolerance"] = settings.MinTolerance,
            ["min_acceptance"] = settings.MinAcceptance,
            ["max_populations"] = settings.MaxPopulations,
            ["simulations"] = result.Simulations,
            ["simulations_run"] = result.SimulationsRun,
            ["seconds"] = Math.Round(seconds, 1),
            ["stopped"] = result.StopReason,
            ["final_tolerance"] = Finite(final.Tolerance),
            ["effective_sample_size"] = Math.Round(final.EffectiveSampleSize, 1),
            ["distinct_particles"] = final.Particles.Distinct,
            ["moves_per_population"] = settings.MovesPerPopulation,
            ["max_moves_per_population"] = settings.MaxMovesPerPopulation,
            ["populations"] = new JsonArray(populations.Select(p => (JsonNode)new JsonObject
            {
                ["index"] = p.Index,
                ["tolerance"] = Finite(p.Tolerance),
                ["acceptance"] = Math.Round(p.AcceptanceRate, 4),
                ["ess"] = Math.Round(p.EffectiveSampleSize, 1),
                ["distinct"] = p.Particles.Distinct,
                ["simulations"] = p.PopulationSimulations,
                ["median_distance"] = Math.Round(Median(p.Distances), 4),
            }).ToArray()),
            ["observations"] = new JsonArray(problem.Distance.Targets.Select(t => (JsonNode)new JsonObject
            {
                ["series"] = t.Series.Name,
                ["as_of"] = t.Point.AsOf,
                ["model_year"] = t.Point.ModelYear,
                ["observed"] = t.Point.Value,
                ["sd"] = CalibratedFile.Round(t.Sd),
                ["bound"] = t.Point.Bound,
            }).ToArray()),
            ["held_out"] = new JsonArray(problem.Distance.HeldOut.Select(t => (JsonNode)new JsonObject
            {
                ["series"] = t.Series.Name,
                ["as_of"] = t.Point.AsOf,
                ["observed"] = t.Point.Value,
            }).ToArray()),
            ["parameters"] = new JsonArray(problem.Priors.Select(p => (JsonNode)new JsonObject
            {
                ["path"] = p.Path,
                ["prior"] = p.Distribution.ToJson(),
                ["start_only"] = problem.StartOnly.Contains(p.Path),
            }).ToArray()),
        };
        File.WriteAllText(jsonPath + suffix, provenance.ToJsonString(ConfigJson.Indented) + "\n");

        var forward = problem.Paths.Select((path, k) => (path, k)).Where(x => !problem.StartOnly.Contains(x.path)).ToList();
        var medians = forward.Select(x => final.Particles.Quantile(x.k, 0.5)).ToList();
        var record = new JsonObject
        {
            ["method"] = "ABC-SMC (posterior.json has the details)",
            ["from"] = problem.From,
            ["through"] = problem.Through,
            ["scale"] = problem.Scale,
            ["seed"] = settings.Seed,
            ["particles"] = final.Particles.Count,
            ["populations"] = populations.Count == 0 ? 0 : populations[^1].Index + 1,
            ["final_tolerance"] = Finite(final.Tolerance),
            ["posterior_sha256"] = sha,
        };
        // The medians are overrides of the calibrated scenario's forward (2021) parameter set, not of the start year's.
        var forwardScenario = ScenarioLoader.Load(scenarioName, configDir, new LoadOptions { Scale = problem.Scale, Parameters = ParameterSource.Prior });
        string calibrated = CalibratedFile.Json(CalibratedFile.Overrides(forwardScenario, forward.Select(x => x.path).ToList(), medians), record,
            $"Posterior of Zhejiang's record {problem.From}-{problem.FitThrough ?? problem.Through} (zjsim calibrate on {scenarioName}): medians here, draws in posterior.csv");
        File.WriteAllText(calibratedPath + suffix, calibrated);

        File.Move(csvPath + suffix, csvPath, overwrite: true);
        File.Move(jsonPath + suffix, jsonPath, overwrite: true);
        File.Move(calibratedPath + suffix, calibratedPath, overwrite: true);
    }

    private static JsonNode? Finite(double v) => double.IsFinite(v) ? JsonValue.Create(Math.Round(v, 6)) : null;

    private static double Median(double[] values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
