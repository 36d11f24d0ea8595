using System.Text.Json;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Inference;

/// <summary>
/// The last complete ABC-SMC population on disk, with the settings and parameter paths it was made with, so that
/// `zjsim calibrate --resume` continues exactly where an interrupted run stopped. JSON; doubles are written in their
/// shortest round-trip form and read back bit for bit (an infinite tolerance or distance is null). Written to a
/// temporary file and moved over the old one, so a crash leaves either the old checkpoint or the new, never half.
/// </summary>
public static class AbcCheckpoint
{
    public const string Format = "zjsim-abc-checkpoint";
    public const int Version = 1;

    public static void Write(string path, AbcSettings settings, IReadOnlyList<string> paths, AbcPopulation population)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = File.Create(temp))
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteNumber("version", Version);
            w.WriteStartObject("settings");
            w.WriteNumber("particles", settings.Particles);
            w.WriteNumber("seed", settings.Seed);
            w.WriteNumber("alpha", settings.Alpha);
            w.WriteNumber("min_tolerance", settings.MinTolerance);
            w.WriteNumber("min_acceptance", settings.MinAcceptance);
            w.WriteNumber("max_populations", settings.MaxPopulations);
            w.WriteNumber("max_simulations", settings.MaxSimulations);
            if (settings.BatchSize is int b) w.WriteNumber("batch_size", b); else w.WriteNull("batch_size");
            w.WriteNumber("moves", settings.MovesPerPopulation);
            w.WriteNumber("max_moves", settings.MaxMovesPerPopulation);
            w.WriteEndObject();
            w.WriteStartArray("paths");
            foreach (var p in paths) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteStartObject("population");
            w.WriteNumber("index", population.Index);
            WriteDouble(w, "tolerance", population.Tolerance);
            w.WriteNumber("simulations", population.Simulations);
            w.WriteNumber("population_simulations", population.PopulationSimulations);
            w.WriteNumber("acceptance_rate", population.AcceptanceRate);
            w.WriteNumber("seconds", population.Seconds);
            w.WriteStartArray("weights");
            foreach (double x in population.Particles.Weights) w.WriteNumberValue(x);
            w.WriteEndArray();
            w.WriteStartArray("distances");
            foreach (double x in population.Distances) if (double.IsFinite(x)) w.WriteNumberValue(x); else w.WriteNullValue();
            w.WriteEndArray();
            w.WriteStartArray("values");
            foreach (var v in population.Particles.Values)
            {
                w.WriteStartArray();
                foreach (double x in v) w.WriteNumberValue(x);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Reads a checkpoint; anything missing, malformed or inconsistent is a ConfigException naming the file and field.</summary>
    public static (AbcSettings Settings, IReadOnlyList<string> Paths, AbcPopulation Population) Read(string path)
    {
        if (!File.Exists(path)) throw new ConfigException(path, null, "not found: there is no calibration to resume");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new ConfigException(path, null, $"is not valid JSON ({e.Message}); the checkpoint is corrupt, start the calibration afresh");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ConfigException(path, null, "is not a JSON object");
            if (Get(path, root, "format", "format").GetString() != Format) throw new ConfigException(path, "format", $"must be \"{Format}\"");
            int version = Int(path, root, "version", "version");
            if (version != Version) throw new ConfigException(path, "version", $"is {version}; this build reads version {Version}");

            var s = Get(path, root, "settings", "settings");
            var batch = Get(path, s, "batch_size", "settings.batch_size");
            var settings = new AbcSettings
            {
                Particles = Int(path, s, "particles", "settings.particles"),
                Seed = Get(path, s, "seed", "settings.seed").TryGetUInt64(out ulong seed) ? seed : throw new ConfigException(path, "settings.seed", "must be a non-negative integer"),
                Alpha = Double(path, s, "alpha", "settings.alpha"),
                MinTolerance = Double(path, s, "min_tolerance", "settings.min_tolerance"),
                MinAcceptance = Double(path, s, "min_acceptance", "settings.min_acceptance"),
                MaxPopulations = Int(path, s, "max_populations", "settings.max_populations"),
                MaxSimulations = Long(path, s, "max_simulations", "settings.max_simulations"),
                BatchSize = batch.ValueKind == JsonValueKind.Null ? null : batch.TryGetInt32(out int bs) ? bs : throw new ConfigException(path, "settings.batch_size", "must be an integer or null"),
                MovesPerPopulation = Int(path, s, "moves", "settings.moves"),
                MaxMovesPerPopulation = Int(path, s, "max_moves", "settings.max_moves"),
            };
            try { settings.Validate(); }
            catch (ArgumentException e) { throw new ConfigException(path, "settings", e.Message); }

            var pathsElement = Get(path, root, "paths", "paths");
            if (pathsElement.ValueKind != JsonValueKind.Array) throw new ConfigException(path, "paths", "must be an array of parameter paths");
            var paths = pathsElement.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new ConfigException(path, $"paths[{i}]", "must be a string")).ToList();
            if (paths.Count == 0) throw new ConfigException(path, "paths", "names no parameter");

            var p = Get(path, root, "population", "population");
            int n = settings.Particles;
            var weights = Doubles(path, p, "weights", "population.weights", n, nullIsInfinity: false);
            var distances = Doubles(path, p, "distances", "population.distances", n, nullIsInfinity: true);
            var valuesElement = Array(path, p, "values", "population.values", n);
            var values = new double[n][];
            int row = 0;
            foreach (var v in valuesElement.EnumerateArray())
            {
                string field = $"population.values[{row}]";
                if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() != paths.Count)
                    throw new ConfigException(path, field, $"must be an array of {paths.Count} numbers, one per path");
                values[row] = v.EnumerateArray().Select((x, k) => Finite(path, x, $"{field}[{k}]")).ToArray();
                row++;
            }
            var toleranceElement = Get(path, p, "tolerance", "population.tolerance");
            double tolerance = toleranceElement.ValueKind == JsonValueKind.Null ? double.PositiveInfinity : Finite(path, toleranceElement, "population.tolerance");
            ParticleSet set;
            try { set = ParticleSet.Exact(paths, values, weights); }
            catch (ArgumentException e) { throw new ConfigException(path, "population.weights", e.Message); }
            var population = new AbcPopulation(
                Int(path, p, "index", "population.index"), tolerance, set, distances,
                Long(path, p, "simulations", "population.simulations"),
                Long(path, p, "population_simulations", "population.population_simulations"),
                Double(path, p, "acceptance_rate", "population.acceptance_rate"),
                Double(path, p, "seconds", "population.seconds"));
            if (population.Index < 0) throw new ConfigException(path, "population.index", "must not be negative");
            if (population.Simulations < n) throw new ConfigException(path, "population.simulations", $"is {population.Simulations}, fewer than the {n} particles");
            return (settings, paths, population);
        }
    }

    /// <summary>
    /// The population to resume from, after checking the checkpoint was made by a calibration this one continues:
    /// the same parameters and the settings that shape the populations (the stopping rules may differ).
    /// </summary>
    public static AbcPopulation ReadFor(string path, AbcSettings settings, IReadOnlyList<string> paths)
    {
        var (saved, savedPaths, population) = Read(path);
        if (!savedPaths.SequenceEqual(paths))
        {
            var missing = paths.Except(savedPaths).Concat(savedPaths.Except(paths)).FirstOrDefault();
            throw new ConfigException(path, "paths", missing is null
                ? "lists the parameters in another order than this calibration"
                : $"does not match this calibration's parameters ('{missing}' is in one and not the other)");
        }
        Same("settings.particles", saved.Particles, settings.Particles);
        Same("settings.seed", saved.Seed, settings.Seed);
        Same("settings.alpha", saved.Alpha, settings.Alpha);
        Same("settings.min_tolerance", saved.MinTolerance, settings.MinTolerance);
        Same("settings.moves", saved.MovesPerPopulation, settings.MovesPerPopulation);
        Same("settings.max_moves", saved.MaxMovesPerPopulation, settings.MaxMovesPerPopulation);
        return population;

        void Same<T>(string field, T was, T now)
        {
            if (!EqualityComparer<T>.Default.Equals(was, now))
                throw new ConfigException(path, field, $"is {was} in the checkpoint and {now} in this calibration; resume with the same settings or start afresh");
        }
    }

    private static void WriteDouble(Utf8JsonWriter w, string name, double x)
    {
        if (double.IsFinite(x)) w.WriteNumber(name, x); else w.WriteNull(name);
    }

    private static JsonElement Get(string file, JsonElement o, string name, string field) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var e) ? e : throw new ConfigException(file, field, "is missing");

    private static int Int(string file, JsonElement o, string name, string field) =>
        Get(file, o, name, field).ValueKind == JsonValueKind.Number && Get(file, o, name, field).TryGetInt32(out int v) ? v : throw new ConfigException(file, field, "must be an integer");

    private static long Long(string file, JsonElement o, string name, string field) =>
        Get(file, o, name, field).ValueKind == JsonValueKind.Number && Get(file, o, name, field).TryGetInt64(out long v) ? v : throw new ConfigException(file, field, "must be an integer");

    private static double Double(string file, JsonElement o, string name, string field) => Finite(file, Get(file, o, name, field), field);

    private static double Finite(string file, JsonElement e, string field) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out double v) && double.IsFinite(v) ? v : throw new ConfigException(file, field, "must be a finite number");

    private static JsonElement Array(string file, JsonElement o, string name, string field, int n)
    {
        var e = Get(file, o, name, field);
        if (e.ValueKind != JsonValueKind.Array || e.GetArrayLength() != n)
            throw new ConfigException(file, field, $"must be an array of {n} entries, one per particle");
        return e;
    }

    private static double[] Doubles(string file, JsonElement o, string name, string field, int n, bool nullIsInfinity) =>
        Array(file, o, name, field, n).EnumerateArray()
            .Select((e, i) => nullIsInfinity && e.ValueKind == JsonValueKind.Null ? double.PositiveInfinity : Finite(file, e, $"{field}[{i}]"))
            .ToArray();
}
