using System.Text.RegularExpressions;
using ZjSim.Client.Output;
using ZjSim.Model;

namespace ZjSim.Client.Tests.Publishing;

/// <summary>The charts name what they show from the catalogue and say how they came about (their SVG text is searchable).</summary>
public sealed class PaperChartsTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    private static string Text(string svgFile) => File.ReadAllText(svgFile);

    /// <summary>The strings an SVG shows, one per text element, as a reader sees them.</summary>
    private static string[] Shown(string svgFile) =>
        Regex.Matches(Text(svgFile), @"<text[^>]*>\s*(.*?)\s*</text>", RegexOptions.Singleline).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    [Theory]
    [InlineData("cmp")]
    [InlineData("run")]
    public void Every_shown_indicator_has_a_png_and_an_svg_titled_and_labelled_from_the_catalogue(string which)
    {
        Assert.True(fixture.CompareResult.ExitCode == 0, fixture.CompareResult.Error);
        Assert.True(fixture.RunResult.ExitCode == 0, fixture.RunResult.Error);
        string charts = Path.Combine(fixture.Cli.Path(which), "charts");
        foreach (var indicator in Indicators.All.Where(i => i.Shown))
        {
            var png = File.ReadAllBytes(Path.Combine(charts, indicator.Name + ".png"));
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            string svg = Text(Path.Combine(charts, indicator.Name + ".svg"));
            Assert.StartsWith("<?xml", svg);
            Assert.Contains(indicator.Title, svg);
            Assert.Contains(indicator.Unit, svg);
            Assert.DoesNotContain(indicator.Name, Shown(Path.Combine(charts, indicator.Name + ".svg")));   // no code name as a title
        }
    }

    [Fact]
    public void Shares_are_drawn_in_percent_and_goal_targets_are_markers_at_their_year()
    {
        string svg = Text(Path.Combine(fixture.Compare, "charts", Indicator.CoverageKeySme.Name + ".svg"));
        Assert.Contains("100%", svg);
        Assert.Contains("2027 target: 99.0%", svg);
        string science = Text(Path.Combine(fixture.Compare, "charts", Indicator.ScienceProjects.Name + ".svg"));
        Assert.Contains("target each year 2022–2027: 200", science);
        var shown = Shown(Path.Combine(fixture.Compare, "charts", Indicator.ScienceProjects.Name + ".svg"));
        foreach (var scenario in PublishingFixture.Scenarios) Assert.Contains(scenario, shown);
    }

    [Fact]
    public void The_goal_chart_runs_from_0_to_100_percent_and_labels_every_bar()
    {
        var shown = Shown(Path.Combine(fixture.Compare, "charts", "goal_probabilities.svg"));
        Assert.Contains("0%", shown);
        Assert.Contains("100%", shown);
        Assert.DoesNotContain("120%", shown);
        Assert.DoesNotContain("1.2", shown);
        Assert.Contains(shown, t => t.Contains("95% Wilson interval"));
        // One "k% (met/n)" label per goal and scenario, zero bars included.
        int labels = shown.Count(t => Regex.IsMatch(t, @"^\d+% \(\d+/12\)$"));
        Assert.Equal(11 * PublishingFixture.Scenarios.Length, labels);
    }

    [Fact]
    public void Every_chart_carries_a_caption_with_scenarios_replications_seed_scale_and_commit()
    {
        foreach (var svg in Directory.GetFiles(Path.Combine(fixture.Compare, "charts"), "*.svg"))
        {
            string text = Text(svg);
            Assert.Contains("scenarios baseline, policy-push, fiscal-squeeze (common random numbers); 12 replications; seed 5; scale 0.01;", text);
            Assert.Contains("commit " + (ResultFiles.Commit == "unknown" ? "unknown" : ResultFiles.Commit[..12]), text);
        }
        foreach (var svg in Directory.GetFiles(Path.Combine(fixture.Run, "charts"), "*.svg"))
            Assert.Contains("scenario policy-push; 8 replications; seed 6; scale 0.01;", Text(svg));
    }
}
