using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ZjSim.GrainInterfaces.Telemetry;
using ZjSim.Hosting.Telemetry;

namespace ZjSim.Client.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class TracingTests : IDisposable
{
    private readonly CliHarness _cli = new();
    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_run_is_one_trace_whose_spans_nest_and_whose_metrics_equal_its_results()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        string dir = _cli.Path("traced");
        var r = await _cli.Run(o => o with
        {
            ConfigureTracing = t => t.AddInMemoryExporter(spans),
            ConfigureMetrics = m => m.AddInMemoryExporter(metrics),
        }, CancellationToken.None, "run", "--scenario", "baseline", "--replications", "3", "--seed", "21", "--scale", "0.01", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);

        var root = Assert.Single(spans, s => s.DisplayName == "zjsim run");
        Assert.Equal(default, root.ParentSpanId);
        Assert.Equal("baseline", root.GetTagItem(ZjSimTelemetry.Tags.Scenario));
        Assert.Equal(21L, root.GetTagItem(ZjSimTelemetry.Tags.Seed));
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Equal(root.TraceId.ToHexString(), manifest["trace_id"]!.GetValue<string>());
        Assert.Contains(root.TraceId.ToHexString(), r.Out);

        // Every ZjSim span belongs to the run's trace and hangs from its root through the grain calls.
        var ours = spans.Where(s => s.Source.Name == ZjSimTelemetry.Name).ToList();
        Assert.All(ours, s => Assert.Equal(root.TraceId, s.TraceId));
        var bySpanId = spans.Where(s => s.TraceId == root.TraceId).ToDictionary(s => s.SpanId);
        bool ReachesRoot(Activity s)
        {
            for (var current = s; current is not null; current = bySpanId.GetValueOrDefault(current.ParentSpanId))
                if (current.SpanId == root.SpanId) return true;
            return false;
        }

        var replications = ours.Where(s => s.DisplayName == "zjsim.replication").ToList();
        Assert.Equal(3, replications.Count);
        Assert.All(replications, s =>
        {
            Assert.True(ReachesRoot(s), "replication span not under the run's root");
            Assert.Equal("baseline", s.GetTagItem(ZjSimTelemetry.Tags.Scenario));
            Assert.Equal(21L, s.GetTagItem(ZjSimTelemetry.Tags.Seed));
        });
        var replicationIds = replications.Select(s => s.SpanId).ToHashSet();
        var years = ours.Where(s => s.DisplayName == "zjsim.year").ToList();
        Assert.Equal(3 * 7, years.Count);   // base year plus 2022..2027, per replication
        Assert.All(years, s => Assert.Contains(s.ParentSpanId, replicationIds));
        var goalChecks = ours.Where(s => s.DisplayName == "zjsim.goal_check").ToList();
        Assert.Equal(3, goalChecks.Count);
        Assert.All(goalChecks, s =>
        {
            Assert.Contains(s.ParentSpanId, replicationIds);
            Assert.Equal(11, s.Events.Count(e => e.Name == "zjsim.goal"));
        });
        // Grain calls join the trace (propagation on), cluster steps are events of replication 0 only.
        Assert.Contains(spans, s => s.DisplayName == "ILaneGrain/Run" && s.TraceId == root.TraceId);
        Assert.DoesNotContain(spans, s => s.DisplayName.StartsWith("IEnterpriseGrain/", StringComparison.Ordinal));
        int clusterEvents = years.Sum(y => y.Events.Count(e => e.Name == "zjsim.cluster_step"));
        Assert.Equal(6 * 96, clusterEvents);

        // Metrics equal the run's results.
        long enterpriseYears = manifest["timings"]!["enterprise_years"]!.GetValue<long>();
        Assert.Equal(enterpriseYears, Sum(metrics, "zjsim.enterprise_years"));
        Assert.Equal(3, Sum(metrics, "zjsim.replications.completed"));
        Assert.Contains(Points(metrics, "zjsim.step.duration"), p => p.GetHistogramCount() == 3 * 6 * 96);

        var values = File.ReadAllLines(Path.Combine(dir, "indicators.csv"))
            .Select(l => l.Split(',')).Where(f => f[2] == "2027" && f[3] == "digital_economy_value")
            .Select(f => double.Parse(f[4], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, values.Length);
        var gauge = Points(metrics, "zjsim.indicator").Last(p =>
            Tag(p, ZjSimTelemetry.Tags.Indicator) == "digital_economy_value" && Tag(p, ZjSimTelemetry.Tags.Year) == "2027"
            && Tag(p, ZjSimTelemetry.Tags.Scenario) == "baseline");
        Assert.Equal(values.Average(), gauge.GetGaugeLastValueDouble(), 9);
    }

    [Fact]
    public async Task With_telemetry_off_nothing_is_traced()
    {
        string dir = _cli.Path("quiet");
        bool listened = false;
        var r = await _cli.Run(o =>
        {
            Assert.False(o.Enabled);
            listened = ZjSimTelemetry.Source.HasListeners();
            return o;
        }, CancellationToken.None, "run", "--scenario", "baseline", "--replications", "2", "--scale", "0.005", "--out", dir);
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.False(listened);
        Assert.False(ZjSimTelemetry.Source.HasListeners());
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "manifest.json")))!;
        Assert.Null(manifest["trace_id"]);
        Assert.DoesNotContain("Trace id", r.Out);
        Assert.DoesNotContain("Activity.", r.Out);
    }

    private static IEnumerable<MetricPoint> Points(List<MetricSnapshot> metrics, string name)
    {
        foreach (var m in metrics.Where(m => m.Name == name))
            foreach (var p in m.MetricPoints) yield return p;
    }

    /// <summary>Counters are cumulative: the last export holds the total, per attribute set.</summary>
    private static long Sum(List<MetricSnapshot> metrics, string name)
    {
        var last = metrics.Last(m => m.Name == name);
        long total = 0;
        foreach (var p in last.MetricPoints) total += p.GetSumLong();
        return total;
    }

    private static string? Tag(MetricPoint p, string key)
    {
        foreach (var t in p.Tags) if (t.Key == key) return Convert.ToString(t.Value, CultureInfo.InvariantCulture);
        return null;
    }
}
