using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZjSim.Client.Commands;
using ZjSim.Model;
using ZjSim.Model.Scenarios;

namespace ZjSim.Client.Output;

/// <summary>The three files of a run: manifest.json, indicators.csv and goals.csv (long format, open to any tool).</summary>
public static class ResultFiles
{
    public const string Manifest = "manifest.json", IndicatorsCsv = "indicators.csv", GoalsCsv = "goals.csv";

    public static void WriteAll(RunFolder folder, RunResult result)
    {
        folder.Write(IndicatorsCsv, w => WriteIndicators(w, result));
        folder.Write(GoalsCsv, w => WriteGoals(w, result));
        folder.Write(Manifest, w => w.Write(ManifestJson(result).ToJsonString(ConfigJson.Indented)));
    }

    public static void WriteIndicators(TextWriter w, RunResult result)
    {
        string scenario = Csv(result.Plan.Scenario.Name);
        w.WriteLine("scenario,replication,year,indicator,value");
        foreach (var o in result.Outcomes)
        {
            var t = o.Indicators;
            for (int year = t.FirstYear; year <= t.LastYear; year++)
                foreach (var i in Indicators.All)
                {
                    double v = t[year, i];
                    if (double.IsNaN(v)) continue;
                    w.WriteLine($"{scenario},{o.Replication},{year},{i.Name()},{Number(v)}");
                }
        }
    }

    public static void WriteGoals(TextWriter w, RunResult result)
    {
        string scenario = Csv(result.Plan.Scenario.Name);
        w.WriteLine("scenario,replication,goal,target,value,met");
        foreach (var o in result.Outcomes)
            foreach (var g in o.Goals)
                w.WriteLine($"{scenario},{o.Replication},{g.Goal},{Number(g.Target)},{Number(g.Value)},{(g.Met ? "true" : "false")}");
    }

    public static JsonObject ManifestJson(RunResult r)
    {
        var p = r.Plan;
        return new JsonObject
        {
            ["zjsim_version"] = Version,
            ["commit"] = Commit,
            ["run_id"] = p.Request.RunId,
            ["command"] = "run",
            ["scenario"] = new JsonObject
            {
                ["name"] = p.Scenario.Name,
                ["description"] = p.Scenario.Description,
                ["source"] = p.Scenario.SourcePath,
                ["hash_sha256"] = p.Scenario.Hash,
                ["parameters"] = JsonNode.Parse(p.Scenario.CanonicalJson),
            },
            ["goals"] = new JsonObject
            {
                ["source"] = p.GoalsPath.Length > 0 ? Path.GetFullPath(p.GoalsPath) : null,   // empty: attached, no local file
                ["goals"] = JsonSerializer.SerializeToNode(p.Goals.Goals, ConfigJson.Options),
            },
            ["seed"] = p.Request.Seed,
            ["replications"] = p.Request.Replications,
            ["granularity"] = p.Request.Granularity.ToString().ToLowerInvariant(),
            ["scale"] = p.Scenario.Parameters.World.Scale,
            ["years"] = new JsonArray(p.Scenario.Parameters.Years.BaseYear, p.Scenario.Parameters.Years.EndYear),
            ["host"] = r.HostDescription,
            ["timings"] = new JsonObject
            {
                ["started_utc"] = r.StartedUtc.ToString("O", CultureInfo.InvariantCulture),
                ["finished_utc"] = r.FinishedUtc.ToString("O", CultureInfo.InvariantCulture),
                ["startup_seconds"] = Math.Round(r.StartupSeconds, 3),
                ["simulation_seconds"] = Math.Round(r.SimulationSeconds, 3),
                ["enterprise_years"] = r.EnterpriseYears,
                ["enterprise_years_per_second"] = r.SimulationSeconds > 0 ? Math.Round(r.EnterpriseYears / r.SimulationSeconds) : 0,
            },
            ["machine"] = new JsonObject
            {
                ["cores"] = Environment.ProcessorCount,
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
                ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            },
        };
    }

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

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
