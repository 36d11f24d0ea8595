using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Client.Output;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Results;

/// <summary>
/// Reads a run folder written by `run` (or a scenario folder of `compare`) back into a RunRecord, with the CSV
/// library that wrote it. Every problem is one <see cref="UsageException"/> naming the file and the line or field.
/// </summary>
public static class RunFolderReader
{
    private static readonly JsonDocumentOptions ManifestOptions = new() { AllowDuplicateProperties = false };

    public static bool IsRunFolder(string dir) => File.Exists(Path.Combine(dir, ResultFiles.Manifest));

    public static JsonObject ReadManifest(string dir)
    {
        string path = Path.Combine(dir, ResultFiles.Manifest);
        if (!Directory.Exists(dir)) throw new UsageException($"{dir}: no such folder");
        if (!File.Exists(path)) throw new UsageException($"{dir}: is not a ZjSim run folder (no {ResultFiles.Manifest})");
        if (!RegularFile.Is(path)) throw new UsageException($"{path}: is not a regular file");
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot be read ({e.Message})");
        }
        try
        {
            return JsonNode.Parse(text, documentOptions: ManifestOptions) as JsonObject ?? throw new UsageException($"{path}: is not a JSON object");
        }
        catch (JsonException e) when (ScenarioLoader.DuplicateKey(e) is string key)
        {
            throw new UsageException($"{path}: field '{key}' is given twice");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: is not valid JSON ({e.Message})");
        }
    }

    /// <summary>The manifest's fields, checked to be in the format this ZjSim reads.</summary>
    public static ManifestFields ReadFields(string dir)
    {
        var fields = new ManifestFields(ReadManifest(dir), Path.Combine(dir, ResultFiles.Manifest));
        CheckCompatible(fields.Manifest, fields.Path);
        return fields;
    }

    public static RunRecord Load(string dir)
    {
        var m = ReadFields(dir);
        if (m.Text("command") != "run")
            throw new UsageException($"{dir}: is a '{m.Text("command")}' folder, not a single run (its scenario folders are)");
        CheckHash(m);
        var (first, last) = m.Years();
        var goals = m.Deserialize<List<Goal>>("goals.goals", ConfigJson.Options);
        for (int i = 0; i < goals.Count; i++)
        {
            if (goals[i]?.Name is null) throw m.Bad($"goals.goals[{i}]", "a goal with a name");
            // The reports format a goal by its indicator: an unknown one is a damaged manifest, not a crash later.
            if (!Indicators.TryParse(goals[i].Indicator, out _)) throw m.Bad($"goals.goals[{i}].indicator", "a known indicator");
        }
        var record = new RunRecord(
            m.Text("run_id"), m.Text("scenario.name"), m.OptionalText("scenario.description") ?? "",
            m.Text("scenario.hash_sha256"), m.ULong("seed"), m.Int("replications"),
            m.Bool("partial", missing: false), m.Text("granularity"), m.Double("scale"),
            first, last, m.Text("zjsim_version"), goals, [], Path.GetFullPath(dir));
        return record with { Outcomes = ReadOutcomes(dir, first, last, goals) };
    }

    /// <summary>The scenario hash identifies the parameters listed beside it; if they disagree, the manifest was altered.</summary>
    private static void CheckHash(ManifestFields m)
    {
        string hash = m.Text("scenario.hash_sha256");
        var parameters = m.Object("scenario.parameters");
        string actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(parameters.ToJsonString(ConfigJson.Options))));
        if (!string.Equals(hash, actual, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"{m.Path}: field 'scenario.hash_sha256' does not match the scenario's parameters listed beside it (the manifest was altered)");
    }

    /// <summary>Folders written by a newer or older format cannot be read safely.</summary>
    public static void CheckCompatible(JsonObject manifest, string path)
    {
        var m = new ManifestFields(manifest, path);
        int format = m.Has("format") ? m.Int("format") : 0;
        if (format != ResultFiles.Format)
            throw new UsageException($"{path}: written in result format {format} by ZjSim {m.Node("zjsim_version")?.ToJsonString() ?? "?"}, this ZjSim reads format {ResultFiles.Format}");
    }

    private static ReplicationOutcome[] ReadOutcomes(string dir, int firstYear, int lastYear, IReadOnlyList<Goal> goals)
    {
        var tables = new SortedDictionary<int, IndicatorTable>();
        string indicatorsPath = Path.Combine(dir, ResultFiles.IndicatorsCsv);
        foreach (var row in RunCsv.Read(indicatorsPath, ResultFiles.IndicatorsHeader))
        {
            int rep = row.Int(1), year = row.Int(2);
            if (!Indicators.TryParse(row.Text(3), out var indicator))
                throw new UsageException($"{indicatorsPath}: line {row.Line}: unknown indicator '{row.Text(3)}'");
            if (year < firstYear || year > lastYear)
                throw new UsageException($"{indicatorsPath}: line {row.Line}: year {year} outside the manifest's {firstYear}–{lastYear}");
            if (!tables.TryGetValue(rep, out var t)) tables[rep] = t = new IndicatorTable(firstYear, lastYear);
            t[year, indicator] = row.Double(4);
        }

        var results = new Dictionary<int, List<GoalResult>>();
        string goalsPath = Path.Combine(dir, ResultFiles.GoalsCsv);
        // Columns after `met` are the draws of uncertain parameters, which a comparison does not need.
        foreach (var row in RunCsv.Read(goalsPath, ResultFiles.GoalsColumns, extraColumns: true))
        {
            int rep = row.Int(1);
            if (!results.TryGetValue(rep, out var list)) results[rep] = list = [];
            if (list.Count >= goals.Count)
                throw new UsageException($"{goalsPath}: line {row.Line}: replication {rep} lists more goals than the manifest's {goals.Count}");
            string expected = goals[list.Count].Name;
            if (row.Text(2) != expected)
                throw new UsageException($"{goalsPath}: line {row.Line}: goal '{row.Text(2)}' where the manifest's goal '{expected}' belongs");
            list.Add(new GoalResult(row.Text(2), row.Double(3), row.Double(4), row.Bool(5)));
        }
        var orphan = results.Keys.FirstOrDefault(r => !tables.ContainsKey(r), int.MinValue);
        if (orphan != int.MinValue)
            throw new UsageException($"{indicatorsPath}: holds no rows of replication {orphan}, which {goalsPath} lists");

        return tables.Select(kv =>
        {
            if (!results.TryGetValue(kv.Key, out var g) || g.Count != goals.Count)
                throw new UsageException($"{goalsPath}: replication {kv.Key} does not list the manifest's {goals.Count} goals");
            return new ReplicationOutcome(kv.Key, kv.Value, g.ToArray(), 0);
        }).ToArray();
    }
}
