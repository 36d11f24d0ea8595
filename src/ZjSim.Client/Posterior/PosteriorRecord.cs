using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Model.Inference;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Client.Posterior;

/// <summary>One inferred parameter as posterior.json lists it: its path, its prior, and whether only the 2018 start uses it.</summary>
public sealed record InferredParameter(string Path, ParameterDistribution Prior, bool StartOnly);

/// <summary>
/// A shipped posterior read and checked as a whole: the particles of posterior.csv and the provenance of
/// posterior.json beside it (how it was made, and each parameter's prior). The CSV's columns must be exactly the
/// parameters posterior.json lists; <see cref="Particles"/> is put in posterior.json's order. Every problem is a
/// <see cref="ConfigException"/> naming the file and the field.
/// </summary>
public sealed record PosteriorRecord(
    string CsvPath, string JsonPath, ParticleSet Particles, IReadOnlyList<InferredParameter> Parameters,
    string Method, string RecordedSha256, string ActualSha256,
    int? From, int? Through, long? Simulations, string? Stopped, int? Populations, string? Scenario, double? Scale)
{
    /// <summary>Whether the CSV is the one the calibration wrote (its SHA-256 is the one posterior.json records).</summary>
    public bool CsvMatches => string.Equals(RecordedSha256, ActualSha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>posterior.json beside posterior.csv: the same name with .json.</summary>
    public static string JsonPathFor(string csvPath) => System.IO.Path.ChangeExtension(csvPath, ".json");

    public static PosteriorRecord Load(string csvPath)
    {
        string jsonPath = JsonPathFor(csvPath);
        if (Directory.Exists(csvPath)) throw new ConfigException(csvPath, null, "is a folder; give the posterior's CSV file");
        if (!File.Exists(csvPath))
            throw new ConfigException(csvPath, null, "not found: run `zjsim calibrate` to make the posterior, or give --posterior PATH");
        if (!RegularFile.Is(csvPath)) throw new ConfigException(csvPath, null, "is not a regular file (a pipe or device): only files are read");
        if (!File.Exists(jsonPath))
            throw new ConfigException(jsonPath, null, $"not found: the provenance of {System.IO.Path.GetFileName(csvPath)} (its method and priors) is read from it");
        var json = ScenarioLoader.ReadObject(jsonPath);
        string method = Text(json, jsonPath, "method");
        string sha = Text(json, jsonPath, "csv_sha256");
        var parameters = ReadParameters(json, jsonPath);

        ParticleSet particles;
        try { particles = PosteriorFile.ReadCsv(csvPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(csvPath, null, $"cannot be read: {e.Message}");
        }
        var listed = parameters.Select(p => p.Path).ToHashSet();
        var extra = particles.Paths.FirstOrDefault(p => !listed.Contains(p));
        if (extra is not null)
            throw new ConfigException(csvPath, "header", $"names '{extra}', which {System.IO.Path.GetFileName(jsonPath)} does not list in its \"parameters\" (the two files do not belong together)");
        var missing = parameters.FirstOrDefault(p => particles.IndexOf(p.Path) < 0);
        if (missing is not null)
            throw new ConfigException(jsonPath, "parameters", $"lists '{missing.Path}', which {System.IO.Path.GetFileName(csvPath)} has no column for (the two files do not belong together)");

        // The particles in posterior.json's order, so the table follows the file that explains them.
        var index = parameters.Select(p => particles.IndexOf(p.Path)).ToArray();
        var values = particles.Values.Select(v => index.Select(k => v[k]).ToArray()).ToArray();
        var ordered = new ParticleSet(parameters.Select(p => p.Path).ToList(), values, particles.Weights);

        return new PosteriorRecord(csvPath, jsonPath, ordered, parameters, method, sha, PosteriorFile.Sha256(csvPath),
            OptionalInt(json, jsonPath, "from"), OptionalInt(json, jsonPath, "through"), OptionalLong(json, jsonPath, "simulations"),
            OptionalText(json, jsonPath, "stopped"), OptionalArrayCount(json, jsonPath, "populations"),
            OptionalText(json, jsonPath, "scenario"), OptionalDouble(json, jsonPath, "scale"));
    }

    private static List<InferredParameter> ReadParameters(JsonObject json, string file)
    {
        if (json["parameters"] is not JsonArray array || array.Count == 0)
            throw new ConfigException(file, "parameters", "must be a non-empty array of {\"path\", \"prior\", \"start_only\"}");
        var list = new List<InferredParameter>();
        for (int i = 0; i < array.Count; i++)
        {
            string field = $"parameters[{i}]";
            if (array[i] is not JsonObject entry) throw new ConfigException(file, field, "must be an object with \"path\", \"prior\" and \"start_only\"");
            string path = Text(entry, file, "path", field + ".path");
            if (list.Any(p => p.Path == path)) throw new ConfigException(file, field + ".path", $"'{path}' is listed twice");
            if (entry["prior"] is not JsonObject prior || !DistributionReader.IsDistribution(prior))
                throw new ConfigException(file, field + ".prior", "must be a distribution object, such as {\"dist\": \"uniform\", \"min\": 0, \"max\": 1}");
            var distribution = DistributionReader.Read(prior, file, field + ".prior");
            bool startOnly = entry["start_only"] switch
            {
                null => false,
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                _ => throw new ConfigException(file, field + ".start_only", "must be true or false"),
            };
            list.Add(new InferredParameter(path, distribution, startOnly));
        }
        return list;
    }

    private static string Text(JsonObject json, string file, string key, string? field = null) =>
        OptionalText(json, file, key, field) is { Length: > 0 } s ? s : throw new ConfigException(file, field ?? key, "is missing or empty (a text is needed)");

    private static string? OptionalText(JsonObject json, string file, string key, string? field = null) => json[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new ConfigException(file, field ?? key, "must be a text"),
    };

    private static double? OptionalDouble(JsonObject json, string file, string key) => json[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && double.IsFinite(v.GetValue<double>()) => v.GetValue<double>(),
        _ => throw new ConfigException(file, key, "must be a finite number"),
    };

    private static long? OptionalLong(JsonObject json, string file, string key) =>
        OptionalDouble(json, file, key) is double d
            ? d == Math.Floor(d) && d >= 0 && d < 1e15 ? (long)d : throw new ConfigException(file, key, $"must be a whole number, not negative (got {d})")
            : null;

    private static int? OptionalInt(JsonObject json, string file, string key) =>
        OptionalLong(json, file, key) is long l ? l <= int.MaxValue ? (int)l : throw new ConfigException(file, key, $"is too large (got {l})") : null;

    private static int? OptionalArrayCount(JsonObject json, string file, string key) => json[key] switch
    {
        null => null,
        JsonArray a => a.Count,
        _ => throw new ConfigException(file, key, "must be an array"),
    };
}
