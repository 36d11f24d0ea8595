using System.Text.RegularExpressions;

namespace ZjSim.Model.Tests.Indicators;

/// <summary>The catalogue is the one statement of the indicators: the table, docs/MODEL.md and the rules it names agree with it.</summary>
public sealed partial class IndicatorCatalogueTests
{
    private static readonly string Repo = Path.GetDirectoryName(TestConfig.Dir)!;

    [Fact]
    public void Entries_are_numbered_in_order_with_unique_snake_case_names()
    {
        var all = Model.Indicators.All;
        Assert.True(all.Count >= 13);
        for (int k = 0; k < all.Count; k++) Assert.Equal(k, all[k].Index);
        Assert.Equal(all.Count, all.Select(i => i.Name).Distinct().Count());
        Assert.All(all, i => Assert.Matches("^[a-z][a-z0-9_]*$", i.Name));
        Assert.All(all, i => Assert.False(string.IsNullOrWhiteSpace(i.Title) || string.IsNullOrWhiteSpace(i.Unit) || string.IsNullOrWhiteSpace(i.Definition)));
        Assert.True(Model.Indicators.TryParse("coverage_key_sme", out var sme) && sme == Indicator.CoverageKeySme);
        Assert.False(Model.Indicators.TryParse("no_such_indicator", out _));
    }

    [Fact]
    public void Every_rule_an_indicator_names_exists_where_it_says()
    {
        var model = typeof(Indicator).Assembly;
        foreach (var i in Model.Indicators.All)
        {
            Assert.NotEmpty(i.MovedBy);
            foreach (var rule in i.MovedBy)
            {
                var m = RuleReference().Match(rule);
                Assert.True(m.Success, $"{i.Name}: '{rule}' is not 'Type.Member (path)'");
                Assert.True(File.Exists(Path.Combine(Repo, m.Groups["path"].Value)), $"{i.Name}: {m.Groups["path"].Value} does not exist");
                var type = model.GetTypes().Single(t => t.Name == m.Groups["type"].Value);
                Assert.NotEmpty(type.GetMember(m.Groups["member"].Value));
            }
        }
        Assert.Contains("AdoptionRule.Resolve (src/ZjSim.Model/Rules/AdoptionRule.cs)", Indicator.CoverageKeySme.Explain());
    }

    /// <summary>docs/MODEL.md's Observation table lists exactly the catalogue, with the catalogue's definitions.</summary>
    [Fact]
    public void The_model_document_lists_every_indicator_with_its_definition()
    {
        string doc = File.ReadAllText(Path.Combine(Repo, "docs", "MODEL.md"));
        int start = doc.IndexOf("### Observation", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/MODEL.md has no Observation section");
        var rows = ObservationRow().Matches(doc[start..]).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        Assert.Equal(Model.Indicators.Names.Order(), rows.Keys.Order());
        foreach (var i in Model.Indicators.All) Assert.Equal(i.Definition, rows[i.Name]);
    }

    [Fact]
    public void Shares_are_shown_in_percent_and_counts_plainly()
    {
        Assert.Equal("97.5%", Indicator.CoverageAboveSize.Format(0.975));
        Assert.Equal(97.5, Indicator.CoverageAboveSize.ToDisplay(0.975), 12);
        Assert.Equal("1,234", Indicator.SmartFactories.Format(1234));
        Assert.Equal("52.5", Indicator.IndustryBrains.Format(52.5));
        Assert.Equal("–", Indicator.ScienceProjects.Format(double.NaN));
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z]+)\.(?<member>[A-Za-z]+) \((?<path>src/[^)]+\.cs)\)$")]
    private static partial Regex RuleReference();

    [GeneratedRegex(@"^\| `([a-z0-9_]+)` \| (.+) \|$", RegexOptions.Multiline)]
    private static partial Regex ObservationRow();
}
