using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Model.Scenarios;

/// <summary>
/// Loads a scenario: config/model.json holds every default; a scenario file
/// (<c>{ "description": ..., "extends": ..., "parameters": { ...any subset of model.json... } }</c>)
/// overrides objects key by key and replaces arrays and values whole. Merge order: defaults, then the file
/// a scenario extends (and what that extends), then the scenario, then any extra layers. Any number may be
/// a distribution object (<see cref="DistributionReader"/>), which makes the parameter uncertain.
/// </summary>
public static partial class ScenarioLoader
{
    // Maps whose keys are data (sector names, years), so a scenario may add keys to them.
    private static readonly HashSet<string> OpenMaps = ["adoption.sector_p_multiplier", "brains.plan", "smart_factory.batches", "future_factory.batches"];
    /// <summary>"calibration" records how a calibrated file was made; the loader does not read it.</summary>
    private static readonly HashSet<string> ScenarioKeys = ["description", "extends", "parameters", "calibration", "posterior"];

    public sealed record Entry(string Name, string Description, string Path);

    /// <summary>One file's overrides, in merge order, and the posterior sample it names, if any.</summary>
    private sealed record Layer(string File, JsonObject Overrides, string? Posterior = null);

    public static Scenario Load(string nameOrPath, string configDir, double? scale = null) =>
        Load(nameOrPath, configDir, new LoadOptions { Scale = scale });

    public static Scenario Load(string nameOrPath, string configDir, LoadOptions options)
    {
        string path = ResolvePath(nameOrPath, configDir);
        string defaultsPath = Path.Combine(configDir, ConfigDirectory.DefaultsFile);
        var defaults = ReadObject(defaultsPath);
        // model.json's own groups first: a layer that sets a key inside a misplaced group (the calibration sets world.*)
        // would otherwise take the blame for model.json's fault.
        foreach (var (key, node) in defaults)
            if (node is not JsonObject)
                throw new ConfigException(defaultsPath, key, "must be an object of parameters");
        var layers = new List<Layer>();
        var file = ReadLayers(path, configDir, layers, []);
        // The priors come right after the scenario, so a historical start's state (a later layer) still sets the start.
        if (options.Parameters == ParameterSource.Prior) ReadLayers(PriorsFile.PathIn(configDir), configDir, layers, []);
        foreach (var extra in options.Layers) ReadLayers(extra, configDir, layers, []);
        foreach (var layer in layers) CheckKnownKeys(layer.Overrides, defaults, "", layer.File);
        string description = file["description"] is JsonValue d && d.TryGetValue(out string? text) ? text : "";

        var merged = (JsonObject)defaults.DeepClone();
        foreach (var layer in layers) Merge(merged, layer.Overrides);
        foreach (var (key, node) in merged)
            if (node is not JsonObject)
                throw new ConfigException(layers.LastOrDefault(l => l.Overrides.ContainsKey(key))?.File ?? defaultsPath, key, "must be an object of parameters");
        if (options.Scale is double s)
            (merged["world"] as JsonObject ?? throw new ConfigException(defaultsPath, "world", "is missing"))["scale"] = s;
        if (options.EndYear is int end && merged["years"] is JsonObject years)
            years["end_year"] = end;
        if (options.HistoricalStart) DropPlansOutsideYears(merged);

        string Blame(string field) =>
            field == "world.scale" && options.Scale is not null ? "--scale"
            : layers.LastOrDefault(l => Contains(l.Overrides, field))?.File ?? defaultsPath;

        // No parameter of model.json is null: a null (in model.json or a scenario) is an error naming its field.
        if (ParameterPath.Walk(merged).FirstOrDefault(p => p.Node is null) is { Path: not null } missing)
            throw new ConfigException(Blame(missing.Path), missing.Path, "is null; give a value");

        // The posterior's parameters take their weighted medians here (and are drawn jointly below), over any
        // distribution a layer gave them: the posterior is what is known of them once the record has been read.
        // A layer after the one naming the posterior wins over it where it sets a parameter, as layers do.
        int posteriorLayer = layers.FindLastIndex(l => l.Posterior is not null);
        var later = layers.Skip(posteriorLayer + 1).ToList();
        var posterior = options.Parameters == ParameterSource.Prior || posteriorLayer < 0 ? null
            : PosteriorLayer.Read(layers[posteriorLayer].Posterior, configDir, merged, options, path => later.Any(l => Contains(l.Overrides, path)));
        if (posterior is not null)
            for (int k = 0; k < posterior.Paths.Count; k++)
                ParameterPath.Set(merged, posterior.Paths[k], JsonValue.Create(posterior.Particles.Quantile(k, 0.5)));

        // Uncertain parameters: read and check each distribution, then stand its median in for it.
        var uncertain = new List<UncertainParameter>();
        foreach (var (field, node) in ParameterPath.Walk(merged).ToList())
        {
            if (!DistributionReader.IsDistribution(node)) continue;
            string blame = Blame(field);
            var distribution = DistributionReader.Read((JsonObject)node!, blame, field);
            CheckCanBeUncertain(field, blame);
            uncertain.Add(new UncertainParameter(field, distribution));
        }
        foreach (var p in uncertain) ParameterPath.Set(merged, p.Path, JsonValue.Create(p.Distribution.Median));

        var parameters = Deserialize(merged, Blame);
        var issues = Validate(parameters, options.HistoricalStart);
        if (issues.Count > 0)
        {
            var first = issues[0];
            if (uncertain.FirstOrDefault(p => p.Path == first.Path) is UncertainParameter u)
                throw new ConfigException(Blame(first.Path), first.Path,
                    $"is a {u.Distribution} distribution whose support {Bounds.Interval(u.Distribution.Support.Lower, u.Distribution.Support.Upper)} leaves the parameter's valid range: at its median {u.Distribution.Median}, it {first.Message}");
            string more = issues.Count > 1 ? $" (and {issues.Count - 1} more: {string.Join("; ", issues.Skip(1).Take(3).Select(i => i.Path))})" : "";
            throw new ConfigException(Blame(first.Path), first.Path, first.Message + more);
        }
        foreach (var p in uncertain) CheckSupport(merged, p, Blame(p.Path), options.HistoricalStart);
        if (posterior is not null) PosteriorLayer.CheckSupport(posterior, merged, trial => Validate(trial.Deserialize<ModelParameters>(ConfigJson.Options)!, options.HistoricalStart));

        string name = Path.GetFileNameWithoutExtension(path);
        var joint = options.Parameters == ParameterSource.Posterior ? posterior : null;
        return new Scenario(name, description, Path.GetFullPath(path), parameters, new ParameterUncertainty(uncertain, joint));
    }

    public static IReadOnlyList<Entry> List(string configDir)
    {
        var folder = Path.Combine(configDir, ConfigDirectory.ScenariosFolder);
        if (!Directory.Exists(folder)) return [];
        return Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f =>
        {
            var obj = ReadObject(f);
            string desc = obj["description"] is JsonValue v && v.TryGetValue(out string? s) ? s : "";
            return new Entry(Path.GetFileNameWithoutExtension(f), desc, f);
        }).ToList();
    }

    public static string ResolvePath(string nameOrPath, string configDir)
    {
        bool looksLikePath = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || nameOrPath.Contains('/') || nameOrPath.Contains('\\');
        string path = looksLikePath ? nameOrPath : Path.Combine(configDir, ConfigDirectory.ScenariosFolder, nameOrPath + ".json");
        if (File.Exists(path)) return path;
        if (looksLikePath) throw new ConfigException(nameOrPath, null, "scenario file not found");
        var known = List(configDir).Select(e => e.Name);
        throw new ConfigException(nameOrPath, null, $"unknown scenario (known: {string.Join(", ", known)}; or give a path to a .json file)");
    }

    /// <summary>Reads a JSON object (comments and trailing commas allowed), naming the file and line on error.</summary>
    public static JsonObject ReadObject(string path)
    {
        string text;
        if (Directory.Exists(path)) throw new ConfigException(path, null, "is a folder, not a file");
        if (File.Exists(path) && !RegularFile.Is(path)) throw new ConfigException(path, null, "is not a regular file (a pipe or device): only files are read");
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, null, $"cannot be read: {e.Message}");
        }
        try
        {
            var node = JsonNode.Parse(text, documentOptions: ConfigJson.DocumentOptions);
            return node as JsonObject ?? throw new ConfigException(path, null, "must hold a JSON object");
        }
        catch (JsonException e) when (DuplicateKey(e) is string key)
        {
            throw new ConfigException(path, key, "is given twice in one object; each key may appear once");
        }
        catch (JsonException e)
        {
            throw new ConfigException(path, null, $"is not valid JSON at line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>
    /// Reads a scenario-form file and, first, the files it extends: the layers come out in merge order.
    /// "extends" names a file under the config folder (<c>zhejiang/calibrated.json</c>) or a scenario name.
    /// </summary>
    private static JsonObject ReadLayers(string path, string configDir, List<Layer> layers, List<string> chain)
    {
        var file = ReadObject(path);
        foreach (var (key, _) in file)
            if (!ScenarioKeys.Contains(key))
                throw new ConfigException(path, key, $"is not a scenario key (expected: {string.Join(", ", ScenarioKeys)})");
        if (file["extends"] is JsonNode extendsNode)
        {
            if (extendsNode is not JsonValue v || !v.TryGetValue(out string? target) || target.Length == 0)
                throw new ConfigException(path, "extends", "must name a file under the config folder, such as \"zhejiang/calibrated.json\", or a scenario");
            string resolved = Path.IsPathRooted(target) ? target
                : target.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? Path.Combine(configDir, target)
                : Path.Combine(configDir, ConfigDirectory.ScenariosFolder, target + ".json");
            if (!IsUnder(resolved, configDir))
                throw new ConfigException(path, "extends", $"names '{target}', which is outside the config folder {Path.GetFullPath(configDir)}; a scenario may extend only files under it");
            if (!File.Exists(resolved))
                throw new ConfigException(path, "extends", $"names '{target}', which was not found ({resolved})");
            string full = Path.GetFullPath(resolved);
            if (chain.Contains(full) || full == Path.GetFullPath(path))
                throw new ConfigException(path, "extends", $"names '{target}', which extends this file again (a cycle)");
            ReadLayers(resolved, configDir, layers, [.. chain, Path.GetFullPath(path)]);
        }
        var overrides = file["parameters"] switch
        {
            null => new JsonObject(),
            JsonObject o => o,
            _ => throw new ConfigException(path, "parameters", "must be an object"),
        };
        string? posterior = null;
        if (file["posterior"] is JsonNode posteriorNode)
        {
            if (posteriorNode is not JsonValue pv || !pv.TryGetValue(out string? csv) || csv.Length == 0)
                throw new ConfigException(path, "posterior", "must name a posterior sample beside this file, such as \"posterior.csv\"");
            posterior = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, csv);
            if (!IsUnder(posterior, configDir))
                throw new ConfigException(path, "posterior", $"names '{csv}', which is outside the config folder {Path.GetFullPath(configDir)}");
        }
        layers.Add(new Layer(path, overrides, posterior));
        return file;
    }

    /// <summary>Whether a path lies inside a folder once '..' and '.' are resolved.</summary>
    private static bool IsUnder(string path, string folder) =>
        Path.GetFullPath(path).StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The merged parameter set is complete: every parameter present and none null.</summary>
    private static readonly JsonSerializerOptions StrictOptions = new(ConfigJson.Options)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    private static ModelParameters Deserialize(JsonObject merged, Func<string, string> blame)
    {
        try
        {
            return merged.Deserialize<ModelParameters>(StrictOptions)
                ?? throw new ConfigException(blame(""), null, "holds no parameters");
        }
        catch (JsonException e)
        {
            string field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            throw new ConfigException(blame(field), field.Length == 0 ? null : field, $"has the wrong type or is missing: {FirstSentence(e.Message)}");
        }
    }

    private static List<ConfigIssue> Validate(ModelParameters parameters, bool historicalStart)
    {
        var check = new ParameterCheck(historicalStart);
        parameters.Validate(check);
        return check.Issues;
    }

    /// <summary>Only real-valued parameters can be drawn; counts, years, flags and the --scale setting cannot.</summary>
    private static void CheckCanBeUncertain(string field, string file)
    {
        if (field == "world.scale")
            throw new ConfigException(file, field, "is the run setting --scale, which cannot be a distribution");
        var type = ParameterSchema.TypeAt(field);
        if (type == typeof(int))
            throw new ConfigException(file, field, "takes a whole number, so it cannot be a distribution (only real-valued parameters can be uncertain)");
        if (type != typeof(double))
            throw new ConfigException(file, field, "is not a number parameter, so it cannot be a distribution");
    }

    /// <summary>
    /// The distribution's support must lie in the parameter's valid range: each end of the support, with every
    /// other parameter at its nominal value, must pass the same validation as a plain number.
    /// </summary>
    private static void CheckSupport(JsonObject nominal, UncertainParameter p, string file, bool historicalStart)
    {
        var d = p.Distribution;
        var (lower, upper) = d.Support;
        string support = Bounds.Interval(lower, upper);
        if (!double.IsFinite(lower) || !double.IsFinite(upper))
        {
            string missing = double.IsFinite(lower) ? "\"max\"" : double.IsFinite(upper) ? "\"min\"" : "\"min\" and \"max\"";
            throw new ConfigException(file, p.Path, $"is a {d} distribution with unbounded support {support}; every parameter has a bounded valid range, so truncate it with {missing}");
        }
        foreach (double end in new[] { lower, upper })
        {
            var trial = nominal.DeepClone();
            ParameterPath.Set(trial, p.Path, JsonValue.Create(end));
            var issues = Validate(trial.Deserialize<ModelParameters>(ConfigJson.Options)!, historicalStart);
            if (issues.Count > 0)
                throw new ConfigException(file, p.Path,
                    $"is a {d} distribution whose support {support} leaves the parameter's valid range: at {end}, {(issues[0].Path == p.Path ? "it" : $"'{issues[0].Path}'")} {issues[0].Message}");
        }
    }

    private static void DropPlansOutsideYears(JsonObject merged)
    {
        if (merged["years"] is not JsonObject years || merged["brains"]?["plan"] is not JsonObject plan) return;
        if (years["base_year"] is not JsonValue b || !b.TryGetValue(out int baseYear)) return;
        if (years["end_year"] is not JsonValue e || !e.TryGetValue(out int endYear)) return;
        foreach (var key in plan.Select(kv => kv.Key).ToList())
            if (int.TryParse(key, out int year) && (year <= baseYear || year > endYear))
                plan.Remove(key);
    }

    private static void CheckKnownKeys(JsonObject overrides, JsonObject defaults, string prefix, string file)
    {
        foreach (var (key, value) in overrides)
        {
            string path = prefix.Length == 0 ? key : prefix + "." + key;
            if (OpenMaps.Contains(prefix)) continue;
            if (!defaults.TryGetPropertyValue(key, out var def))
            {
                var near = defaults.Select(p => p.Key).OrderBy(k => Levenshtein(k, key)).FirstOrDefault();
                throw new ConfigException(file, path, $"is not a known parameter{(near is null ? "" : $" (did you mean '{near}'?)")}");
            }
            if (value is JsonObject vo && !DistributionReader.IsDistribution(vo))
            {
                if (def is JsonObject dobj) CheckKnownKeys(vo, dobj, path, file);
                else if (def is JsonValue dv && dv.GetValueKind() == JsonValueKind.Number)
                    throw new ConfigException(file, path, $"must be a number or a distribution object such as {{\"dist\": \"uniform\", \"min\": 0, \"max\": 1}}");
            }
        }
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is JsonObject vo && !DistributionReader.IsDistribution(vo) && target[key] is JsonObject to && !DistributionReader.IsDistribution(to)) Merge(to, vo);
            else target[key] = value?.DeepClone();
        }
    }

    /// <summary>Whether the scenario's overrides set the value at a dotted path (or a parent of it).</summary>
    internal static bool Contains(JsonObject overrides, string path)
    {
        if (path.Length == 0) return false;
        JsonNode? node = overrides;
        foreach (var part in PathPart().Split(path).Where(p => p.Length > 0))
        {
            if (node is not JsonObject o) return true;   // a value or array set by the scenario covers all below it
            if (!o.TryGetPropertyValue(part, out node)) return false;
        }
        return true;
    }

    [GeneratedRegex(@"[.\[\]]")]
    private static partial Regex PathPart();

    /// <summary>The key that System.Text.Json found twice (it reports neither line nor path), or null.</summary>
    public static string? DuplicateKey(JsonException e) =>
        DuplicateProperty().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^Duplicate property '(.*)' encountered")]
    private static partial Regex DuplicateProperty();

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static int Levenshtein(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
