using System.Globalization;
using System.Net;
using System.Text;
using ZjSim.Client.Comparison;
using ZjSim.Client.Output.Charts;
using ZjSim.Client.Results;
using ZjSim.Model;
using ZjSim.Model.Analysis;

namespace ZjSim.Client.Output;

/// <summary>What report.html says about how the results came about.</summary>
public sealed record ReportProvenance(string Command, string RunId, string? TraceId, string? Host, string Granularity, string? Parameters = null);

/// <summary>
/// report.html: one self-contained page (inline CSS, charts as data: URIs, no script, nothing fetched) with the
/// provenance, the goal table, the indicator table, the charts and the data dictionary, so a run opens offline in
/// any browser and can be mailed as one file.
/// </summary>
public static class HtmlReport
{
    public const string File = "report.html";

    /// <summary>Writes report.html, embedding the charts <paramref name="charts"/> already written to the folder.</summary>
    public static void Write(RunFolder folder, IReadOnlyList<RunRecord> runs, ScenarioComparison? comparison,
        IReadOnlyList<string> charts, ReportProvenance provenance)
    {
        var svgs = charts.Where(c => c.EndsWith(".svg", StringComparison.Ordinal))
            .Select(c => (Path: c, Bytes: System.IO.File.ReadAllBytes(Path.Combine(folder.StagingPath, c)))).ToList();
        folder.Write(File, w => w.Write(Render(runs, comparison, svgs, provenance)));
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Pct(double p) => (p * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    public static string Render(IReadOnlyList<RunRecord> runs, ScenarioComparison? comparison,
        IReadOnlyList<(string Path, byte[] Bytes)> svgs, ReportProvenance provenance)
    {
        var first = runs[0];
        int year = PaperCharts.GoalYear(first);
        var caption = PaperCharts.CaptionOf(runs);
        string title = runs.Count == 1 ? $"ZjSim run — {first.Scenario}" : $"ZjSim compare — {string.Join(", ", runs.Select(r => r.Scenario))}";
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Append($"<title>{E(title)}</title><style>{Css}</style></head><body>\n");
        h.Append($"<h1>{E(title)}</h1>\n<p class=\"caption\">{E(caption.Text)}</p>\n");

        // Provenance: everything needed to run it again.
        h.Append("<h2 id=\"provenance\">Provenance</h2>\n<table class=\"kv\">");
        void Kv(string k, string v) => h.Append($"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>");
        Kv("command", provenance.Command);
        Kv("run id", provenance.RunId);
        Kv("scenarios", string.Join(", ", runs.Select(r => $"{r.Scenario} (sha256 {r.ScenarioHash[..Math.Min(12, r.ScenarioHash.Length)]})")));
        Kv("replications", string.Join(", ", runs.Select(r => r.Partial ? $"{r.Replications} of {r.RequestedReplications} (partial)" : $"{r.Replications}")));
        Kv("seed", string.Join(", ", runs.Select(r => r.Seed).Distinct()));
        Kv("scale", string.Join(", ", runs.Select(r => r.Scale.ToString(CultureInfo.InvariantCulture)).Distinct()));
        Kv("years", $"{first.FirstYear}–{first.LastYear}");
        Kv("granularity", provenance.Granularity);
        if (provenance.Parameters is not null) Kv("parameters", provenance.Parameters);
        if (comparison is not null)
            Kv("pairing", comparison.Paired ? $"paired over {comparison.PairedReplications} common replications (common random numbers)" : "unpaired (different seeds or scales)");
        Kv("ZjSim", $"{ResultFiles.Version}, commit {ResultFiles.Commit}");
        if (provenance.Host is not null) Kv("host", provenance.Host);
        if (provenance.TraceId is not null) Kv("trace id", provenance.TraceId);
        h.Append("</table>\n");

        // Goals: one row per goal and scenario.
        string firstName = first.Scenario;
        h.Append($"<h2 id=\"goals\">Goals in {year}</h2>\n<p>P(goal met) is the share of replications that met the goal, with its 95% Wilson interval");
        if (comparison is not null) h.Append($"; Δ is the difference against {E(firstName)} in percentage points with its 95% interval ({(comparison.Paired ? "paired" : "unpaired")}); * marks an interval that excludes 0");
        h.Append(".</p>\n<table class=\"goals\"><thead><tr><th>goal</th><th>reading</th><th>target</th>");
        if (runs.Count > 1) h.Append("<th>scenario</th>");
        h.Append("<th class=\"n\">met</th><th class=\"n\">P(met)</th><th class=\"n\">95% interval</th>");
        if (comparison is not null) h.Append($"<th class=\"n\">Δ vs {E(firstName)}</th>");
        h.Append("</tr></thead><tbody>\n");
        for (int g = 0; g < first.Goals.Count; g++)
        {
            var goal = first.Goals[g];
            Indicators.TryParse(goal.Indicator, out var indicator);
            double target = first.Outcomes.Length > 0 ? first.Outcomes[0].Goals[g].Target : goal.Target;
            for (int s = 0; s < runs.Count; s++)
            {
                var run = runs[s];
                int met = run.Outcomes.Count(o => o.Goals[g].Met);
                var p = Proportion.Wilson(met, run.Replications);
                h.Append(s == 0 ? $"<tr class=\"first\"><td rowspan=\"{runs.Count}\"><code>{E(goal.Name)}</code><br>{E(GoalProbabilityFigure.Label(first, g))}</td><td rowspan=\"{runs.Count}\" class=\"reading\">{E(goal.Reading)}</td><td rowspan=\"{runs.Count}\" class=\"s\">{E(goal.Comparison == ">" ? ">" : "≥")} {E(indicator.Format(target))}</td>" : "<tr>");
                if (runs.Count > 1) h.Append($"<td class=\"s\">{E(run.Scenario)}</td>");
                string level = p.Estimate >= 0.9 ? "hi" : p.Estimate >= 0.5 ? "mid" : "lo";
                h.Append($"<td class=\"n\">{met} of {run.Replications}</td><td class=\"n {level}\">{Pct(p.Estimate)}</td><td class=\"n\">{Pct(p.Lower)}–{Pct(p.Upper)}</td>");
                if (comparison is not null)
                    h.Append($"<td class=\"n\">{(comparison.Goals[g].Cells[s].Difference is Interval d ? E(ComparisonReport.Difference(d)) : "")}</td>");
                h.Append("</tr>\n");
            }
        }
        h.Append("</tbody></table>\n");

        // Indicators in the goal year.
        h.Append($"<h2 id=\"indicators\">Indicators in {year}</h2>\n<p>Median over replications and the 5–95% range.</p>\n");
        h.Append("<table class=\"indicators\"><thead><tr><th>indicator</th><th>unit</th>");
        if (runs.Count > 1) h.Append("<th>scenario</th>");
        h.Append("<th class=\"n\">median</th><th class=\"n\">5–95%</th></tr></thead><tbody>\n");
        foreach (var indicator in Indicators.All.Where(i => i.Shown))
            for (int s = 0; s < runs.Count; s++)
            {
                var values = runs[s].Outcomes.Select(o => o.Indicators[year, indicator]).Where(v => !double.IsNaN(v)).OrderBy(v => v).ToArray();
                h.Append(s == 0 ? $"<tr class=\"first\"><td rowspan=\"{runs.Count}\">{E(indicator.Title)}<br><code>{E(indicator.Name)}</code></td><td rowspan=\"{runs.Count}\">{E(indicator.Unit)}</td>" : "<tr>");
                if (runs.Count > 1) h.Append($"<td class=\"s\">{E(runs[s].Scenario)}</td>");
                h.Append(values.Length == 0 ? "<td class=\"n\">–</td><td class=\"n\">–</td>"
                    : $"<td class=\"n\">{E(indicator.Format(Quantiles.OfSorted(values, 0.5)))}</td><td class=\"n\">{E(indicator.Format(Quantiles.OfSorted(values, 0.05)))}–{E(indicator.Format(Quantiles.OfSorted(values, 0.95)))}</td>");
                h.Append("</tr>\n");
            }
        h.Append("</tbody></table>\n");

        // Charts, as the SVG files written beside this page.
        h.Append("<h2 id=\"charts\">Charts</h2>\n");
        foreach (var (path, bytes) in svgs)
            h.Append($"<figure><img alt=\"{E(Path.GetFileNameWithoutExtension(path))}\" src=\"data:image/svg+xml;base64,{Convert.ToBase64String(bytes)}\"><figcaption>{E(path.Replace('\\', '/'))} (PNG beside it)</figcaption></figure>\n");

        // The data dictionary of indicators.csv and the Parquet files.
        h.Append("<h2 id=\"dictionary\">Data dictionary</h2>\n<table class=\"dictionary\"><thead><tr><th>indicator</th><th>title</th><th>unit in charts and tables</th><th>definition</th></tr></thead><tbody>\n");
        foreach (var i in Indicators.All)
            h.Append($"<tr><td><code>{E(i.Name)}</code></td><td>{E(i.Title)}</td><td>{E(i.Unit)}</td><td>{E(i.Definition)}</td></tr>\n");
        h.Append("</tbody></table>\n<p class=\"caption\">In the files shares are stored as fractions (0–1); charts and tables show them in %.</p>\n");
        h.Append("</body></html>\n");
        return h.ToString();
    }

    private const string Css = """
        body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:1240px;margin:24px auto;padding:0 16px;color:#111;line-height:1.4}
        h1{font-size:24px;margin-bottom:4px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid #ccc}
        .caption{color:#444;font-size:13px}
        table{border-collapse:collapse;font-size:13px;margin:8px 0}
        th,td{border-bottom:1px solid #e3e3e3;padding:3px 8px;text-align:left;vertical-align:top}
        thead th{border-bottom:2px solid #555;background:#f5f5f5}
        tr.first td{border-top:1px solid #999}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        td.reading{max-width:360px;color:#333}td.s{white-space:nowrap}
        td.hi{color:#176f2c;font-weight:bold}td.mid{color:#8a6100;font-weight:bold}td.lo{color:#a1161c;font-weight:bold}
        table.kv th{background:none;width:140px}
        code{font-size:12px;color:#333}
        figure{margin:16px 0}figure img{max-width:100%;border:1px solid #ddd}figcaption{font-size:12px;color:#555}
        """;
}
