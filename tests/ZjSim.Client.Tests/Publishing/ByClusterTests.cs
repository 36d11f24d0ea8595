using Parquet.Serialization;
using ZjSim.Client.Output;
using ZjSim.Client.Results;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Client.Tests.Publishing;

/// <summary>The same small run without --by, with --by cluster and with --by sector, and a compare with --by cluster.</summary>
public sealed class ByClusterFixture : IAsyncLifetime
{
    public CliHarness Cli { get; } = new();
    public string Plain => Cli.Path("plain");
    public string ByCluster => Cli.Path("cluster");
    public string BySector => Cli.Path("sector");
    public string Compare => Cli.Path("cmp");
    public CliHarness.Result[] Results { get; private set; } = [];
    public static readonly string[] Scenarios = ["baseline", "policy-push"];

    private static string[] Small(string scenario, string output) =>
        ["run", "--scenario", scenario, "--replications", "2", "--seed", "7", "--scale", "0.01", "--out", output];

    public async Task InitializeAsync() => Results =
    [
        await Cli.Run(Small("policy-push", Plain)),
        await Cli.Run([.. Small("policy-push", ByCluster), "--by", "cluster"]),
        await Cli.Run([.. Small("policy-push", BySector), "--by", "sector"]),
        await Cli.Run(["compare", .. Scenarios, "--replications", "2", "--seed", "7", "--scale", "0.01", "--by", "cluster", "--out", Compare]),
    ];

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}

public sealed class ByClusterTests(ByClusterFixture fixture) : IClassFixture<ByClusterFixture>
{
    private static List<CsvRecordView> Rows(string folder, string file, string[] header) =>
        RunCsv.Read(Path.Combine(folder, file), header).ToList();

    private static int Column(string[] header, string name) => Array.IndexOf(header, name);

    /// <summary>indicators.csv as (replication, year, indicator) → value.</summary>
    private static Dictionary<(int, int, string), double> Indicators(string folder) =>
        Rows(folder, ResultFiles.IndicatorsCsv, ResultFiles.IndicatorsHeader).ToDictionary(r => (r.Int(1), r.Int(2), r.Text(3)), r => r.Double(4));

    [Fact]
    public void Every_run_succeeds()
    {
        foreach (var r in fixture.Results) Assert.True(r.ExitCode == 0, r.Error);
    }

    [Fact]
    public void Cluster_rows_add_up_to_the_province_indicators()
    {
        var h = BreakdownFiles.ClusterHeader;
        var rows = Rows(fixture.ByCluster, BreakdownFiles.ByClusterCsv, h);
        var indicators = Indicators(fixture.ByCluster);
        // Each replication draws its own posterior particle, and with it its own enterprise counts: its own world.
        var scenario = ScenarioLoader.Load("policy-push", CliHarness.ConfigDir, new LoadOptions { Scale = 0.01, Parameters = ParameterSource.Posterior });
        WorldLayout WorldOf(int replication) => new(scenario.Uncertainty.ForReplication(scenario.Parameters, 7, replication));
        var years = indicators.Keys.Select(k => k.Item2).Distinct().ToList();
        Assert.Equal(2 * years.Count * WorldOf(0).Clusters.Count, rows.Count);

        foreach (var cell in rows.GroupBy(r => (Replication: r.Int(1), Year: r.Int(2))))
        {
            var list = cell.ToList();
            var world = WorldOf(cell.Key.Replication);
            Assert.Equal(world.Clusters.Select(c => c.Name), list.Select(r => r.Text(Column(h, "cluster"))));
            Assert.Equal(world.Clusters.Select(c => c.Sector), list.Select(r => r.Text(Column(h, "sector"))));
            int Sum(string column) => list.Sum(r => r.Int(Column(h, column)));
            double Indicator(string name) => indicators[(cell.Key.Replication, cell.Key.Year, name)];

            Assert.Equal(Indicator("smart_factories"), Sum("smart_factories"));
            Assert.Equal(Indicator("future_factories"), Sum("future_factories"));
            Assert.Equal(Indicator("coverage_above_size"), (double)Sum("above_size_covered") / Sum("above_size"));
            Assert.Equal(Indicator("coverage_key_sme"), (double)Sum("key_sme_covered") / Sum("key_sme"));
            Assert.Equal(world.Clusters.Sum(c => c.AboveSizeCount), Sum("above_size"));
            Assert.Equal(world.Clusters.Sum(c => c.KeySmeCount), Sum("key_sme"));
            foreach (var r in list)
            {
                int above = r.Int(Column(h, "above_size")), sme = r.Int(Column(h, "key_sme"));
                Assert.Equal(above == 0 ? 0 : (double)r.Int(Column(h, "above_size_covered")) / above, r.Double(Column(h, "coverage_above_size")));
                Assert.Equal(sme == 0 ? 0 : (double)r.Int(Column(h, "key_sme_covered")) / sme, r.Double(Column(h, "coverage_key_sme")));
                Assert.True(r.Double(Column(h, "output")) > 0);
            }
        }
        // The model moves: some titles are won over the years, else the sums above would hold trivially.
        Assert.Contains(rows, r => r.Int(Column(h, "smart_factories")) > 0);
    }

    [Fact]
    public void Sector_rows_are_the_sums_of_their_clusters()
    {
        var ch = BreakdownFiles.ClusterHeader;
        var sh = BreakdownFiles.SectorHeader;
        var clusters = Rows(fixture.ByCluster, BreakdownFiles.ByClusterCsv, ch);
        var sectors = Rows(fixture.BySector, BreakdownFiles.BySectorCsv, sh);
        var expected = clusters.GroupBy(r => (r.Int(1), r.Int(2), r.Text(Column(ch, "sector")))).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(expected.Count, sectors.Count);
        foreach (var s in sectors)
        {
            var members = expected[(s.Int(1), s.Int(2), s.Text(Column(sh, "sector")))];
            Assert.Equal(members.Count, s.Int(Column(sh, "clusters")));
            foreach (var column in new[] { "above_size", "above_size_covered", "key_sme", "key_sme_covered", "smart_factories", "future_factories" })
                Assert.Equal(members.Sum(m => m.Int(Column(ch, column))), s.Int(Column(sh, column)));
            Assert.Equal(members.Count(m => m.Bool(Column(ch, "has_platform"))), s.Int(Column(sh, "clusters_with_platform")));
            double output = members.Sum(m => m.Double(Column(ch, "output")));
            Assert.Equal(output, s.Double(Column(sh, "output")), output * 1e-12);
            // Coverage from the summed counts, not the mean of the clusters' shares.
            int above = s.Int(Column(sh, "above_size"));
            Assert.Equal(above == 0 ? 0 : (double)s.Int(Column(sh, "above_size_covered")) / above, s.Double(Column(sh, "coverage_above_size")));
        }
        Assert.Contains(sectors, s => s.Int(Column(sh, "clusters")) > 1);
    }

    [Fact]
    public async Task The_parquet_copies_hold_what_the_csvs_hold()
    {
        await using (var stream = File.OpenRead(Path.Combine(fixture.ByCluster, BreakdownFiles.ByClusterParquet)))
        {
            var parquet = (await ParquetSerializer.DeserializeAsync<BreakdownFiles.ClusterRow>(stream)).Data;
            var csv = Rows(fixture.ByCluster, BreakdownFiles.ByClusterCsv, BreakdownFiles.ClusterHeader);
            Assert.Equal(csv.Select(r => Enumerable.Range(0, r.Count).Select(r.Text)), parquet.Select(p => p.Fields()));
        }
        await using (var stream = File.OpenRead(Path.Combine(fixture.BySector, BreakdownFiles.BySectorParquet)))
        {
            var parquet = (await ParquetSerializer.DeserializeAsync<BreakdownFiles.SectorRow>(stream)).Data;
            var csv = Rows(fixture.BySector, BreakdownFiles.BySectorCsv, BreakdownFiles.SectorHeader);
            Assert.Equal(csv.Select(r => Enumerable.Range(0, r.Count).Select(r.Text)), parquet.Select(p => p.Fields()));
        }
    }

    [Fact]
    public void A_run_without_by_writes_no_breakdown_and_the_same_tables()
    {
        string[] breakdowns = [BreakdownFiles.ByClusterCsv, BreakdownFiles.ByClusterParquet, BreakdownFiles.BySectorCsv, BreakdownFiles.BySectorParquet];
        Assert.All(breakdowns, f => Assert.False(File.Exists(Path.Combine(fixture.Plain, f)), f));
        Assert.False(File.Exists(Path.Combine(fixture.ByCluster, BreakdownFiles.BySectorCsv)));
        Assert.False(File.Exists(Path.Combine(fixture.BySector, BreakdownFiles.ByClusterCsv)));
        foreach (var table in new[] { ResultFiles.IndicatorsCsv, ResultFiles.GoalsCsv, ParquetFiles.Indicators, ParquetFiles.Goals })
        {
            byte[] plain = File.ReadAllBytes(Path.Combine(fixture.Plain, table));
            Assert.Equal(plain, File.ReadAllBytes(Path.Combine(fixture.ByCluster, table)));
            Assert.Equal(plain, File.ReadAllBytes(Path.Combine(fixture.BySector, table)));
        }
    }

    [Fact]
    public void A_compare_writes_each_scenarios_clusters_in_its_folder()
    {
        Assert.Contains("by_cluster.csv", fixture.Results[1].Out);
        foreach (string scenario in ByClusterFixture.Scenarios)
        {
            string folder = Path.Combine(fixture.Compare, scenario);
            var rows = Rows(folder, BreakdownFiles.ByClusterCsv, BreakdownFiles.ClusterHeader);
            var indicators = Indicators(folder);
            Assert.All(rows, r => Assert.Equal(scenario, r.Text(0)));
            foreach (var cell in rows.GroupBy(r => (r.Int(1), r.Int(2))))
                Assert.Equal(indicators[(cell.Key.Item1, cell.Key.Item2, "smart_factories")], cell.Sum(r => r.Int(Column(BreakdownFiles.ClusterHeader, "smart_factories"))));
        }
        // Same seed and world: the policy-push folder of the compare holds the run's clusters.
        Assert.Equal(File.ReadAllBytes(Path.Combine(fixture.ByCluster, BreakdownFiles.ByClusterCsv)),
            File.ReadAllBytes(Path.Combine(fixture.Compare, "policy-push", BreakdownFiles.ByClusterCsv)));
    }

    [Fact]
    public async Task An_unknown_breakdown_is_one_message_naming_the_option()
    {
        using var cli = new CliHarness();
        var r = await cli.Run("run", "--scenario", "baseline", "--scale", "0.01", "--replications", "1", "--by", "region", "--out", cli.Path("x"));
        Assert.Equal(ExitCodes.BadInput, r.ExitCode);
        Assert.Contains("--by: must be cluster or sector (got 'region')", r.Error);
        Assert.False(Directory.Exists(cli.Path("x")));
    }
}
