using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZjSim.Model.Scenarios;

/// <summary>
/// Loads a scenario: config/model.json holds every default; a scenario file
/// (<c>{ "description": ..., "parameters": { ...any subset of model.json... } }</c>)
/// overrides objects key by key and replaces arrays and values whole.
/// </summary>
public static partial class ScenarioLoader
{
    // Maps whose keys are data (sector names, years), so a scenario may add keys to them.
    private static readonly HashSet<string> OpenMaps = ["adoption.sector_p_multiplier", "brains.plan"];
    private static readonly HashSet<string> ScenarioKeys = ["description", "parameters"];

    public sealed record Entry(string Name, string Description, string Path);

    public static Scenario Load(string nameOrPath, string configDir, double? scale = null)
    {
        string path = ResolvePath(nameOrPath, configDir);
        string defaultsPath = Path.Combine(configDir, ConfigDirectory.DefaultsFile);
        var defaults = ReadObject(defaultsPath);
        var file = ReadObject(path);

        foreach (var (key, _) in file)
            if (!ScenarioKeys.Contains(key))
                throw new ConfigException(path, key, $"is not a scenario key (expected: {string.Join(", ", ScenarioKeys)})");
        string description = file["description"] is JsonValue d && d.TryGetValue(out string? text) ? text : "";
        var overrides = file["parameters"] switch
        {
            null => new JsonObject(),
            JsonObject o => o,
            _ => throw new ConfigException(path, "parameters", "must be an object"),
        };
        CheckKnownKeys(overrides, defaults, "", path);

        var merged = (JsonObject)defaults.DeepClone();
        Merge(merged, overrides);
        if (scale is double s)
            ((JsonObject)merged["world"]!)["scale"] = s;

        ModelParameters parameters;
        try
        {
            parameters = merged.Deserialize<ModelParameters>(ConfigJson.Options)
                ?? throw new ConfigException(path, null, "holds no parameters");
        }
        catch (JsonException e)
        {
            string field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            string blame = Contains(overrides, field) ? path : defaultsPath;
            throw new ConfigException(blame, field.Length == 0 ? null : field, $"has the wrong type or is missing: {FirstSentence(e.Message)}");
        }

        var check = new ParameterCheck();
        parameters.Validate(check);
        if (check.Issues.Count > 0)
        {
            var first = check.Issues[0];
            string blame = first.Path == "world.scale" && scale is not null ? "--scale"
                : Contains(overrides, first.Path) ? path : defaultsPath;
            string more = check.Issues.Count > 1 ? $" (and {check.Issues.Count - 1} more: {string.Join("; ", check.Issues.Skip(1).Take(3).Select(i => i.Path))})" : "";
            throw new ConfigException(blame, first.Path, first.Message + more);
        }

        string name = Path.GetFileNameWithoutExtension(path);
        return new Scenario(name, description, Path.GetFullPath(path), parameters);
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
        catch (JsonException e)
        {
            throw new ConfigException(path, null, $"is not valid JSON at line {(e.LineNumber ?? 0) + 1}: {FirstSentence(e.Message)}");
        }
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
            if (value is JsonObject vo && def is JsonObject dobj) CheckKnownKeys(vo, dobj, path, file);
        }
    }

    private static void Merge(JsonObject target, JsonObject overrides)
    {
        foreach (var (key, value) in overrides)
        {
            if (value is JsonObject vo && target[key] is JsonObject to) Merge(to, vo);
            else target[key] = value?.DeepClone();
        }
    }

    /// <summary>Whether the scenario's overrides set the value at a dotted path (or a parent of it).</summary>
    private static bool Contains(JsonObject overrides, string path)
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
