using System.Text.RegularExpressions;
using ZjSim.Model;

namespace ZjSim.Client.Tests.Publishing;

/// <summary>report.html opens offline in a real browser and shows every goal, table and chart.</summary>
public sealed class HtmlReportTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    [Theory]
    [InlineData("cmp")]
    [InlineData("run")]
    public async Task The_report_renders_in_headless_chromium_with_every_goal_indicator_and_chart(string which)
    {
        HeadlessChromium.Require();
        Assert.True(fixture.CompareResult.ExitCode == 0, fixture.CompareResult.Error);
        Assert.True(fixture.RunResult.ExitCode == 0, fixture.RunResult.Error);
        string report = Path.Combine(fixture.Cli.Path(which), "report.html");
        string dom = await HeadlessChromium.DumpDom(report);

        string manifest = Path.Combine(fixture.Cli.Path(which), which == "cmp" ? "baseline" : "", "manifest.json");
        var goals = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!["goals"]!["goals"]!.AsArray();
        Assert.Equal(11, goals.Count);
        foreach (var goal in goals)
            Assert.True(dom.Contains("<code>" + goal!["name"]!.GetValue<string>() + "</code>"), $"goal {goal["name"]} is not in the rendered report");
        foreach (var indicator in Indicators.All.Where(i => i.Shown))
            Assert.Contains(System.Net.WebUtility.HtmlEncode(indicator.Title), dom);
        int images = Regex.Matches(dom, "<img [^>]*src=\"data:image/svg\\+xml;base64,").Count;
        Assert.Equal(Indicators.All.Count(i => i.Shown) + 1, images);
        // Self-contained: nothing is fetched from anywhere.
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", File.ReadAllText(report));
        Assert.Contains(which == "cmp" ? "seed</th><td>5<" : "seed</th><td>6<", dom);
        // The provenance names where the parameters came from: the shipped posterior, by file and hash.
        Assert.Matches("parameters</th><td>drawn per replication from the posterior \\(1000 particles, [0-9]+ parameters, zhejiang/posterior.csv\\); sha256 of the posterior file [0-9a-f]{12}<", dom);
    }
}
