using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Client.Output;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Goals;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Results;

/// <summary>Reads a run folder written by `run` (or a scenario folder of `compare`) back into a RunRecord.</summary>
public static class RunFolderReader
{
    public static bool IsRunFolder(string dir) => File.Exists(Path.Combine(dir, ResultFiles.Manifest));

    public static JsonObject ReadManifest(string dir)
    {
        string path = Path.Combine(dir, ResultFiles.Manifest);
        if (!Directory.Exists(dir)) throw new UsageException($"{dir}: no such folder");
        if (!File.Exists(path)) throw new UsageException($"{dir}: is not a ZjSim run folder (no {ResultFiles.Manifest})");
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new UsageException($"{path}: is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new UsageException($"{path}: is not valid JSON ({e.Message})");
        }
    }

    public static RunRecord Load(string dir)
    {
        var m = ReadManifest(dir);
        string manifestPath = Path.Combine(dir, ResultFiles.Manifest);
        CheckCompatible(m, manifestPath);
        if (Get<string>(m, "command", manifestPath) != "run")
            throw new UsageException($"{dir}: is a '{m["command"]}' folder, not a single run (its scenario folders are)");
        try
        {
            var scenario = m["scenario"]!.AsObject();
            var years = m["years"]!.AsArray();
            int first = years[0]!.GetValue<int>(), last = years[1]!.GetValue<int>();
            var goals = m["goals"]!["goals"].Deserialize<List<Goal>>(ConfigJson.Options)!;
            var outcomes = ReadOutcomes(dir, first, last, goals);
            return new RunRecord(
                Get<string>(m, "run_id", manifestPath), scenario["name"]!.GetValue<string>(), scenario["description"]?.GetValue<string>() ?? "",
                scenario["hash_sha256"]!.GetValue<string>(), m["seed"]!.GetValue<ulong>(), m["replications"]!.GetValue<int>(),
                m["partial"]?.GetValue<bool>() ?? false, m["granularity"]!.GetValue<string>(), m["scale"]!.GetValue<double>(),
                first, last, m["zjsim_version"]!.GetValue<string>(), goals, outcomes, Path.GetFullPath(dir));
        }
        catch (Exception e) when (e is NullReferenceException or InvalidOperationException or JsonException or FormatException or KeyNotFoundException)
        {
            throw new UsageException($"{manifestPath}: is incomplete or malformed ({e.Message})");
        }
    }

    /// <summary>Folders written by a newer or older format cannot be read safely.</summary>
    public static void CheckCompatible(JsonObject manifest, string path)
    {
        int format = manifest["format"]?.GetValue<int>() ?? 0;
        if (format != ResultFiles.Format)
            throw new UsageException($"{path}: written in result format {format} by ZjSim {manifest["zjsim_version"]}, this ZjSim reads format {ResultFiles.Format}");
    }

    private static T Get<T>(JsonObject m, string key, string path) =>
        m[key] is JsonNode n ? n.GetValue<T>() : throw new UsageException($"{path}: missing '{key}'");

    private static ReplicationOutcome[] ReadOutcomes(string dir, int firstYear, int lastYear, IReadOnlyList<Goal> goals)
    {
        var tables = new SortedDictionary<int, IndicatorTable>();
        string indicatorsPath = Path.Combine(dir, ResultFiles.IndicatorsCsv);
        foreach (var (line, f) in Rows(indicatorsPath, "scenario,replication,year,indicator,value"))
        {
            int rep = int.Parse(f[1], CultureInfo.InvariantCulture), year = int.Parse(f[2], CultureInfo.InvariantCulture);
            if (!Indicators.TryParse(f[3], out var indicator))
                throw new UsageException($"{indicatorsPath}: line {line}: unknown indicator '{f[3]}'");
            if (year < firstYear || year > lastYear)
                throw new UsageException($"{indicatorsPath}: line {line}: year {year} outside the manifest's {firstYear}–{lastYear}");
            if (!tables.TryGetValue(rep, out var t)) tables[rep] = t = new IndicatorTable(firstYear, lastYear);
            t[year, indicator] = double.Parse(f[4], CultureInfo.InvariantCulture);
        }

        var results = new Dictionary<int, List<GoalResult>>();
        string goalsPath = Path.Combine(dir, ResultFiles.GoalsCsv);
        // Columns after `met` are the draws of uncertain parameters, which a comparison does not need.
        foreach (var (line, f) in Rows(goalsPath, ResultFiles.GoalsHeader, extraColumns: true))
        {
            int rep = int.Parse(f[1], CultureInfo.InvariantCulture);
            if (!results.TryGetValue(rep, out var list)) results[rep] = list = [];
            list.Add(new GoalResult(f[2], double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture), bool.Parse(f[5])));
        }

        return tables.Select(kv =>
        {
            if (!results.TryGetValue(kv.Key, out var g) || g.Count != goals.Count)
                throw new UsageException($"{goalsPath}: replication {kv.Key} does not list the manifest's {goals.Count} goals");
            return new ReplicationOutcome(kv.Key, kv.Value, g.ToArray(), 0);
        }).ToArray();
    }

    private static IEnumerable<(int Line, string[] Fields)> Rows(string path, string header, bool extraColumns = false)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: missing from the run folder");
        using var reader = new StreamReader(path);
        string? first = reader.ReadLine();
        if (first != header && !(extraColumns && first is not null && first.StartsWith(header + ",", StringComparison.Ordinal)))
            throw new UsageException($"{path}: header is not '{header}'");
        int fields = first!.Split(',').Length;
        int line = 1;
        while (reader.ReadLine() is string text)
        {
            line++;
            if (text.Length == 0) continue;
            var f = text.Split(',');
            if (f.Length != fields) throw new UsageException($"{path}: line {line}: expected {fields} fields, got {f.Length}");
            yield return (line, f);
        }
    }
}
