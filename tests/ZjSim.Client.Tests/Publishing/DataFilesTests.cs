using System.Text.Json.Nodes;
using Microsoft.VisualBasic.FileIO;
using Parquet;
using Parquet.Serialization;
using ZjSim.Client.Output;
using ZjSim.Client.Results;
using ZjSim.Model;

namespace ZjSim.Client.Tests.Publishing;

/// <summary>Parquet with typed columns, the resolved parameters with units and marks, and the data dictionary.</summary>
public sealed class DataFilesTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    private static async Task<IList<T>> Read<T>(string file) where T : class, new()
    {
        await using var stream = File.OpenRead(file);
        return (await ParquetSerializer.DeserializeAsync<T>(stream)).Data;
    }

    private static async Task<Dictionary<string, Type>> Schema(string file)
    {
        await using var stream = File.OpenRead(file);
        await using var reader = await ParquetReader.CreateAsync(stream);
        return reader.Schema.DataFields.ToDictionary(f => f.Name, f => f.ClrType);
    }

    [Fact]
    public async Task A_runs_parquet_holds_what_its_csv_holds_in_typed_columns()
    {
        var record = RunFolderReader.Load(fixture.Run);
        var rows = await Read<ParquetFiles.IndicatorRow>(Path.Combine(fixture.Run, ParquetFiles.Indicators));
        int expected = record.Outcomes.Sum(o => Enumerable.Range(record.FirstYear, record.LastYear - record.FirstYear + 1)
            .Sum(y => Indicators.All.Count(i => !double.IsNaN(o.Indicators[y, i]))));
        Assert.Equal(expected, rows.Count);
        foreach (var r in rows)
        {
            Indicators.TryParse(r.Indicator, out var indicator);
            var outcome = record.Outcomes.Single(o => o.Replication == r.Replication);
            Assert.Equal(outcome.Indicators[r.Year, indicator], r.Value);   // bit for bit
        }
        var schema = await Schema(Path.Combine(fixture.Run, ParquetFiles.Indicators));
        Assert.Equal(typeof(int), schema["year"]);
        Assert.Equal(typeof(int), schema["replication"]);
        Assert.Equal(typeof(double), schema["value"]);
        Assert.Contains(schema["indicator"], new[] { typeof(string), typeof(ReadOnlyMemory<char>) });   // UTF-8 text

        var goals = await Read<ParquetFiles.GoalRow>(Path.Combine(fixture.Run, ParquetFiles.Goals));
        Assert.Equal(record.Outcomes.Sum(o => o.Goals.Length), goals.Count);
        Assert.Equal(record.Outcomes.Sum(o => o.Goals.Count(g => g.Met)), goals.Count(g => g.Met));
        Assert.Equal(typeof(bool), (await Schema(Path.Combine(fixture.Run, ParquetFiles.Goals)))["met"]);
    }

    [Fact]
    public async Task A_compare_writes_one_table_of_all_scenarios_and_the_goal_summary_of_its_json()
    {
        var indicators = await Read<ParquetFiles.IndicatorRow>(Path.Combine(fixture.Compare, ParquetFiles.Indicators));
        Assert.Equal(PublishingFixture.Scenarios, indicators.Select(r => r.Scenario).Distinct());
        var goals = await Read<ParquetFiles.GoalRow>(Path.Combine(fixture.Compare, ParquetFiles.Goals));
        Assert.Equal(PublishingFixture.Scenarios.Length * 12 * 11, goals.Count);

        var summary = await Read<ParquetFiles.GoalSummaryRow>(Path.Combine(fixture.Compare, ParquetFiles.GoalSummary));
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Compare, "comparison.json")))!;
        foreach (var goal in json["goals"]!.AsArray())
            foreach (var cell in goal!["scenarios"]!.AsArray())
            {
                var row = summary.Single(r => r.Goal == goal["goal"]!.GetValue<string>() && r.Scenario == cell!["scenario"]!.GetValue<string>());
                Assert.Equal(cell!["met"]!.GetValue<int>(), row.Met);
                Assert.Equal(cell["probability"]!["lower"]!.GetValue<double>(), row.ProbabilityLower);
                Assert.Equal(cell["difference_vs_first"]?["upper"]?.GetValue<double>(), row.DifferenceUpper);
                Assert.Equal(goals.Count(g => g.Goal == row.Goal && g.Scenario == row.Scenario && g.Met), row.Met);
            }
    }

    [Fact]
    public void Resolved_parameters_list_every_parameter_with_its_unit_and_mark()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Run, "manifest.json")))!;
        // The posterior's summary in the manifest (joint_sample.*) names the draws; resolved_parameters.csv lists the parameters.
        var resolved = ZjSim.Client.Commands.ScenarioCommands.Flatten(manifest["scenario"]!["parameters"]!)
            .Where(kv => !kv.Key.StartsWith("joint_sample", StringComparison.Ordinal)).ToDictionary();
        using var parser = new TextFieldParser(Path.Combine(fixture.Run, ResolvedParameters.Csv)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        Assert.Equal(["parameter", "value", "unit", "mark", "status"], parser.ReadFields());
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        Assert.Equal(resolved.Keys, rows.Select(r => r[0]));
        Assert.Equal(resolved.Values.Select(v => v.Trim('"')), rows.Select(r => r[1]));
        Assert.All(rows, r => Assert.True(r[2].Length > 0, $"{r[0]} has no unit"));
        Assert.All(rows.Where(r => r[0] != "smart_factory.requires_smart_factory"),   // documented as structural
            r => Assert.Contains(r[3], new[] { "SOURCE", "ASSUMPTION", "LEVER", "SETTING", "CALIBRATED", "MIXED" }));
        Assert.Equal("0.01", rows.Single(r => r[0] == "world.scale")[1]);
        Assert.Equal("SETTING", rows.Single(r => r[0] == "world.scale")[3]);
        Assert.Equal("SOURCE", rows.Single(r => r[0] == "value_added.digital_economy_initial")[3]);
        Assert.Contains("billion yuan", rows.Single(r => r[0] == "value_added.digital_economy_initial")[2]);
    }

    [Fact]
    public void Every_default_parameter_is_found_in_model_md_section_8()
    {
        var defaults = JsonNode.Parse(ZjSim.Model.Scenarios.ScenarioLoader.Load("baseline", CliHarness.ConfigDir).CanonicalJson)!;
        var missing = ZjSim.Client.Commands.ScenarioCommands.Flatten(defaults).Keys.Where(k => ParameterDocs.Find(k) is null).ToList();
        Assert.True(missing.Count == 0, "not in docs/MODEL.md section 8: " + string.Join(", ", missing));
        Assert.Equal("adoption.q", ParameterDocs.Find("adoption.q[0]")!.Key);
        Assert.Equal("world.clusters[].output", ParameterDocs.Find("world.clusters[7].output")!.Key);
        Assert.Equal("adoption.sector_p_multiplier", ParameterDocs.Find("adoption.sector_p_multiplier.a_new_sector")!.Key);
    }

    [Fact]
    public void The_data_dictionary_in_docs_and_in_every_manifest_is_the_catalogues()
    {
        string docs = Path.Combine(Path.GetDirectoryName(CliHarness.ConfigDir)!, "docs", "data-dictionary.md");
        Assert.True(File.ReadAllText(docs) == DataDictionary.Markdown(),
            "docs/data-dictionary.md differs from the catalogue: regenerate it with `zjsim indicators --markdown > docs/data-dictionary.md`");
        foreach (var manifest in new[] { Path.Combine(fixture.Run, "manifest.json"), Path.Combine(fixture.Compare, "manifest.json"), Path.Combine(fixture.Compare, "baseline", "manifest.json") })
        {
            var entries = JsonNode.Parse(File.ReadAllText(manifest))!["data_dictionary"]!["indicators"]!.AsArray();
            Assert.Equal(Indicators.All.Select(i => i.Name), entries.Select(e => e!["name"]!.GetValue<string>()));
            foreach (var (i, e) in Indicators.All.Zip(entries))
            {
                Assert.Equal(i.Unit, e!["unit"]!.GetValue<string>());
                Assert.Equal(i.Definition, e["definition"]!.GetValue<string>());
            }
        }
    }
}
