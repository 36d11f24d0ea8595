using ZjSim.GrainInterfaces;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Client.Results;
using ZjSim.Model;
using ZjSim.Model.Scenarios;
using ZjSim.Model.Uncertainty;

namespace ZjSim.Client.Output;

/// <summary>
/// The files of a run: manifest.json, indicators.csv and goals.csv (long format, open to any tool), and
/// parameters.csv when the scenario has uncertain parameters (whose draws are also goals.csv's last columns).
/// </summary>
public static class ResultFiles
{
    public const string Manifest = "manifest.json", IndicatorsCsv = "indicators.csv", GoalsCsv = "goals.csv", ParametersCsv = "parameters.csv";
    /// <summary>Version of the folder layout and columns; readers refuse other formats.</summary>
    public const int Format = 1;

    /// <summary>Writes a run's files under <paramref name="prefix"/> (empty for a run, the scenario name inside a compare folder).</summary>
    /// With <paramref name="by"/>, also by_cluster or by_sector (.csv and .parquet).
    public static void WriteRun(RunFolder folder, string prefix, RunRecord record, RunProvenance provenance, Breakdown by = Breakdown.None)
    {
        folder.Write(Path.Combine(prefix, IndicatorsCsv), w => WriteIndicators(w, record));
        var (nominal, uncertainty) = ParameterUncertainty.FromCanonicalJson(provenance.ParametersJson);
        folder.Write(Path.Combine(prefix, GoalsCsv), w => WriteGoals(w, record, nominal, uncertainty));
        if (!uncertainty.IsEmpty)
            folder.Write(Path.Combine(prefix, ParametersCsv), w => WriteParameters(w, record, nominal, uncertainty));
        folder.Write(Path.Combine(prefix, Manifest), w => w.Write(ManifestJson(record, provenance).ToJsonString(ConfigJson.Indented)));
        ParquetFiles.WriteRun(folder, prefix, record);
        ResolvedParameters.Write(folder, prefix, provenance.ParametersJson);
        BreakdownFiles.Write(folder, prefix, record, provenance.ParametersJson, by);
    }

    public static readonly string[] IndicatorsHeader = ["scenario", "replication", "year", "indicator", "value"];

    public static void WriteIndicators(TextWriter w, RunRecord record)
    {
        using var csv = RunCsv.Writer(w);
        csv.WriteHeader(IndicatorsHeader);
        foreach (var o in record.Outcomes)
        {
            var t = o.Indicators;
            string replication = o.Replication.ToString(CultureInfo.InvariantCulture);
            for (int year = t.FirstYear; year <= t.LastYear; year++)
                foreach (var i in Indicators.All)
                {
                    double v = t[year, i];
                    if (double.IsNaN(v)) continue;
                    csv.WriteRecord([record.Scenario, replication, year.ToString(CultureInfo.InvariantCulture), i.Name, Number(v)]);
                }
        }
    }

    /// <summary>goals.csv's fixed columns; the draws of uncertain parameters follow them.</summary>
    public static readonly string[] GoalsColumns = ["scenario", "replication", "goal", "target", "value", "met"];
    public static string GoalsHeader => string.Join(',', GoalsColumns);

    /// <summary>
    /// One row per replication and goal. With uncertain parameters, each one's draw follows as a column named
    /// by its path, so whether a goal was met can be read against what the replication drew in one file.
    /// </summary>
    public static void WriteGoals(TextWriter w, RunRecord record, ModelParameters nominal, ParameterUncertainty uncertainty)
    {
        using var csv = RunCsv.Writer(w);
        csv.WriteHeader([.. GoalsColumns, .. uncertainty.Paths]);
        foreach (var o in record.Outcomes)
        {
            string[] drawn = uncertainty.IsEmpty ? [] : Drawn(o, record, nominal, uncertainty).Select(Number).ToArray();
            string replication = o.Replication.ToString(CultureInfo.InvariantCulture);
            foreach (var g in o.Goals)
                csv.WriteRecord([record.Scenario, replication, g.Goal, Number(g.Target), Number(g.Value), g.Met ? "true" : "false", .. drawn]);
        }
    }

    /// <summary>The value each replication drew for each uncertain parameter, one row per draw (tidy).</summary>
    public static void WriteParameters(TextWriter w, RunRecord record, ModelParameters nominal, ParameterUncertainty uncertainty)
    {
        using var csv = RunCsv.Writer(w);
        csv.WriteHeader(["scenario", "replication", "parameter", "value"]);
        foreach (var o in record.Outcomes)
        {
            var values = Drawn(o, record, nominal, uncertainty);
            string replication = o.Replication.ToString(CultureInfo.InvariantCulture);
            for (int k = 0; k < values.Count; k++)
                csv.WriteRecord([record.Scenario, replication, uncertainty.Paths[k], Number(values[k])]);
        }
    }

    /// <summary>
    /// The values the replication took, as its grains resolved them; a record without them (read back from a saved
    /// run) draws them again as the resolution does.
    /// </summary>
    private static IReadOnlyList<double> Drawn(ReplicationOutcome o, RunRecord record, ModelParameters nominal, ParameterUncertainty uncertainty) =>
        o.Drawn is { Length: > 0 } drawn && drawn.Length == uncertainty.Paths.Count
            ? drawn
            : uncertainty.Draw(record.Seed, o.Replication, nominal.Years.BaseYear);

    public static JsonObject ManifestJson(RunRecord r, RunProvenance p) => new()
    {
        ["format"] = Format,
        ["zjsim_version"] = Version,
        ["commit"] = Commit,
        ["run_id"] = r.RunId,
        ["command"] = "run",
        ["scenario"] = new JsonObject
        {
            ["name"] = r.Scenario,
            ["description"] = r.Description,
            ["source"] = p.ScenarioSource,
            ["hash_sha256"] = r.ScenarioHash,
            ["parameters"] = ManifestParameters(p.ParametersJson),
            ["uncertain_parameters"] = UncertainParameters(p.ParametersJson),
            ["posterior"] = ParameterUncertainty.FromCanonicalJson(p.ParametersJson).Uncertainty.Joint?.Summary(),
        },
        ["goals"] = new JsonObject
        {
            ["source"] = p.GoalsSource.Length > 0 ? p.GoalsSource : null,   // empty: attached, no local file
            ["goals"] = JsonSerializer.SerializeToNode(r.Goals, ConfigJson.Options),
        },
        ["seed"] = r.Seed,
        ["replications"] = r.RequestedReplications,
        ["completed_replications"] = r.Replications,
        ["partial"] = r.Partial,
        ["granularity"] = r.Granularity,
        ["scale"] = r.Scale,
        ["years"] = new JsonArray(r.FirstYear, r.LastYear),
        ["host"] = p.Host,
        ["trace_id"] = p.TraceId,
        ["timings"] = Timings(p),
        ["machine"] = Machine(),
        ["data_dictionary"] = DataDictionary.Json(),
    };

    /// <summary>
    /// The scenario's canonical parameters, with a joint sample (the posterior's particles) shown by its summary:
    /// the manifest names the posterior by file and SHA-256 rather than copying its thousand rows, and the scenario
    /// hash is taken of this same form, so `zjsim show` can still check it.
    /// </summary>
    private static JsonNode? ManifestParameters(string parametersJson) => JsonNode.Parse(ParameterUncertainty.HashForm(parametersJson));

    /// <summary>Each uncertain parameter with its distribution and the stream entity its draws come from.</summary>
    public static JsonArray UncertainParameters(string parametersJson) =>
        new(ParameterUncertainty.FromCanonicalJson(parametersJson).Uncertainty.Parameters.Select(u => (JsonNode)new JsonObject
        {
            ["parameter"] = u.Path,
            ["distribution"] = u.Distribution.ToJson(),
            ["stream_entity"] = u.Entity,
        }).ToArray());

    public static JsonObject Timings(RunProvenance p) => new()
    {
        ["started_utc"] = p.StartedUtc.ToString("O", CultureInfo.InvariantCulture),
        ["finished_utc"] = p.FinishedUtc.ToString("O", CultureInfo.InvariantCulture),
        ["startup_seconds"] = Math.Round(p.StartupSeconds, 3),
        ["simulation_seconds"] = Math.Round(p.SimulationSeconds, 3),
        ["enterprise_years"] = p.EnterpriseYears,
        ["enterprise_years_per_second"] = p.SimulationSeconds > 0 ? Math.Round(p.EnterpriseYears / p.SimulationSeconds) : 0,
    };

    public static JsonObject Machine() => new()
    {
        ["cores"] = Environment.ProcessorCount,
        ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
    };

    /// <summary>The ZjSim version and, where the build knew it, the git commit (from the informational version).</summary>
    public static string Version => typeof(ResultFiles).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string Commit
    {
        get
        {
            var info = typeof(ResultFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
            int plus = info.IndexOf('+');
            return plus >= 0 ? info[(plus + 1)..] : "unknown";
        }
    }

    /// <summary>Shortest text that reads back to the same double, so files compare bit for bit.</summary>
    public static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

}
