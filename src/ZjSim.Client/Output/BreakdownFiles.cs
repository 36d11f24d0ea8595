using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ZjSim.Client.Results;
using ZjSim.GrainInterfaces;
using ZjSim.Model;
using ZjSim.Model.Uncertainty;
using ZjSim.Model.World;
using static ZjSim.Client.Output.ResultFiles;

namespace ZjSim.Client.Output;

/// <summary>
/// `--by cluster|sector`: the indicators that mean something below the province (coverage of above-size firms and
/// of key SMEs, smart and future factories, output, platforms), a row per replication, year and cluster (or sector),
/// in by_cluster.csv/.parquet or by_sector.csv/.parquet. A sector's coverage is recomputed from its summed counts,
/// so summing the rows of every cluster or sector gives the province's indicators.
/// </summary>
public static class BreakdownFiles
{
    public const string ByClusterCsv = "by_cluster.csv", ByClusterParquet = "by_cluster.parquet",
        BySectorCsv = "by_sector.csv", BySectorParquet = "by_sector.parquet";

    public static readonly string[] ClusterHeader =
    [
        "scenario", "replication", "year", "cluster", "tier", "sector", "digital_economy",
        "above_size", "above_size_covered", "coverage_above_size", "key_sme", "key_sme_covered", "coverage_key_sme",
        "smart_factories", "future_factories", "output", "has_platform",
    ];

    public static readonly string[] SectorHeader =
    [
        "scenario", "replication", "year", "sector", "clusters",
        "above_size", "above_size_covered", "coverage_above_size", "key_sme", "key_sme_covered", "coverage_key_sme",
        "smart_factories", "future_factories", "output", "clusters_with_platform",
    ];

    // Two row classes with the same quantity columns, declared in file order: Parquet.Net takes columns in
    // declaration order, and a shared base class would put them after the derived class's own.

    public sealed class ClusterRow
    {
        [JsonPropertyName("scenario")] public string Scenario { get; set; } = "";
        [JsonPropertyName("replication")] public int Replication { get; set; }
        [JsonPropertyName("year")] public int Year { get; set; }
        [JsonPropertyName("cluster")] public string Cluster { get; set; } = "";
        [JsonPropertyName("tier")] public string Tier { get; set; } = "";
        [JsonPropertyName("sector")] public string Sector { get; set; } = "";
        [JsonPropertyName("digital_economy")] public bool DigitalEconomy { get; set; }
        [JsonPropertyName("above_size")] public int AboveSize { get; set; }
        [JsonPropertyName("above_size_covered")] public int AboveSizeCovered { get; set; }
        [JsonPropertyName("coverage_above_size")] public double CoverageAboveSize { get; set; }
        [JsonPropertyName("key_sme")] public int KeySme { get; set; }
        [JsonPropertyName("key_sme_covered")] public int KeySmeCovered { get; set; }
        [JsonPropertyName("coverage_key_sme")] public double CoverageKeySme { get; set; }
        [JsonPropertyName("smart_factories")] public int SmartFactories { get; set; }
        [JsonPropertyName("future_factories")] public int FutureFactories { get; set; }
        /// <summary>Billion yuan.</summary>
        [JsonPropertyName("output")] public double Output { get; set; }
        [JsonPropertyName("has_platform")] public bool HasPlatform { get; set; }

        public string[] Fields() =>
        [
            Scenario, Int(Replication), Int(Year), Cluster, Tier, Sector, Bool(DigitalEconomy),
            Int(AboveSize), Int(AboveSizeCovered), Number(CoverageAboveSize), Int(KeySme), Int(KeySmeCovered), Number(CoverageKeySme),
            Int(SmartFactories), Int(FutureFactories), Number(Output), Bool(HasPlatform),
        ];
    }

    public sealed class SectorRow
    {
        [JsonPropertyName("scenario")] public string Scenario { get; set; } = "";
        [JsonPropertyName("replication")] public int Replication { get; set; }
        [JsonPropertyName("year")] public int Year { get; set; }
        [JsonPropertyName("sector")] public string Sector { get; set; } = "";
        [JsonPropertyName("clusters")] public int Clusters { get; set; }
        [JsonPropertyName("above_size")] public int AboveSize { get; set; }
        [JsonPropertyName("above_size_covered")] public int AboveSizeCovered { get; set; }
        [JsonPropertyName("coverage_above_size")] public double CoverageAboveSize { get; set; }
        [JsonPropertyName("key_sme")] public int KeySme { get; set; }
        [JsonPropertyName("key_sme_covered")] public int KeySmeCovered { get; set; }
        [JsonPropertyName("coverage_key_sme")] public double CoverageKeySme { get; set; }
        [JsonPropertyName("smart_factories")] public int SmartFactories { get; set; }
        [JsonPropertyName("future_factories")] public int FutureFactories { get; set; }
        /// <summary>Billion yuan.</summary>
        [JsonPropertyName("output")] public double Output { get; set; }
        [JsonPropertyName("clusters_with_platform")] public int ClustersWithPlatform { get; set; }

        public string[] Fields() =>
        [
            Scenario, Int(Replication), Int(Year), Sector, Int(Clusters),
            Int(AboveSize), Int(AboveSizeCovered), Number(CoverageAboveSize), Int(KeySme), Int(KeySmeCovered), Number(CoverageKeySme),
            Int(SmartFactories), Int(FutureFactories), Number(Output), Int(ClustersWithPlatform),
        ];
    }

    /// <summary>Shares as the coverage indicators define them: 0 when there is no enterprise of the class.</summary>
    private static double Share(int covered, int all) => all == 0 ? 0 : (double)covered / all;

    /// <summary>Writes the breakdown asked for under <paramref name="prefix"/>; nothing for <see cref="Breakdown.None"/>.</summary>
    public static void Write(RunFolder folder, string prefix, RunRecord record, string parametersJson, Breakdown by)
    {
        if (by == Breakdown.None) return;
        var clusters = ClusterRows(record, parametersJson).ToList();
        if (by == Breakdown.Cluster)
        {
            folder.Write(Path.Combine(prefix, ByClusterCsv), w => WriteCsv(w, ClusterHeader, clusters.Select(r => r.Fields())));
            folder.WriteBytes(Path.Combine(prefix, ByClusterParquet), ParquetFiles.Serialize(clusters));
        }
        else
        {
            var sectors = SectorRows(clusters).ToList();
            folder.Write(Path.Combine(prefix, BySectorCsv), w => WriteCsv(w, SectorHeader, sectors.Select(r => r.Fields())));
            folder.WriteBytes(Path.Combine(prefix, BySectorParquet), ParquetFiles.Serialize(sectors));
        }
    }

    /// <summary>A row per replication, year and cluster (in cluster order), named from the world the replication simulated.</summary>
    public static IEnumerable<ClusterRow> ClusterRows(RunRecord record, string parametersJson)
    {
        var (nominal, uncertainty) = ParameterUncertainty.FromCanonicalJson(parametersJson);
        var nominalWorld = new WorldLayout(nominal);
        foreach (var o in record.Outcomes)
        {
            var t = o.ByCluster ?? throw new InvalidOperationException($"replication {o.Replication} kept no outputs by cluster");
            // Drawn parameters may lay out another world: name its clusters from it.
            var specs = uncertainty.IsEmpty ? nominalWorld.Clusters
                : new WorldLayout(uncertainty.ForReplication(nominal, record.Seed, o.Replication)).Clusters;
            if (specs.Count != t.Clusters) throw new InvalidOperationException($"replication {o.Replication}: {t.Clusters} clusters kept, the world has {specs.Count}");
            for (int year = t.FirstYear; year <= t.LastYear; year++)
                for (int c = 0; c < t.Clusters; c++)
                {
                    var spec = specs[c];
                    var row = new ClusterRow
                    {
                        Scenario = record.Scenario, Replication = o.Replication, Year = year,
                        Cluster = spec.Name, Tier = JsonNamingPolicy.SnakeCaseLower.ConvertName(spec.Tier.ToString()), Sector = spec.Sector,
                        DigitalEconomy = spec.DigitalEconomy,
                        AboveSize = t.Count(year, c, ClusterYears.AboveSize),
                        AboveSizeCovered = t.Count(year, c, ClusterYears.AboveSizeCovered),
                        KeySme = t.Count(year, c, ClusterYears.KeySme),
                        KeySmeCovered = t.Count(year, c, ClusterYears.KeySmeCovered),
                        SmartFactories = t.Count(year, c, ClusterYears.SmartFactories),
                        FutureFactories = t.Count(year, c, ClusterYears.FutureFactories),
                        Output = t.OutputOf(year, c),
                        HasPlatform = t.PlatformOf(year, c),
                    };
                    row.CoverageAboveSize = Share(row.AboveSizeCovered, row.AboveSize);
                    row.CoverageKeySme = Share(row.KeySmeCovered, row.KeySme);
                    yield return row;
                }
        }
    }

    /// <summary>The clusters of one sector added up (counts summed, coverage from the sums), sectors in ordinal name order.</summary>
    public static IEnumerable<SectorRow> SectorRows(IEnumerable<ClusterRow> clusters) =>
        from c in clusters
        group c by (c.Scenario, c.Replication, c.Year) into cell
        from s in cell.GroupBy(c => c.Sector).OrderBy(g => g.Key, StringComparer.Ordinal)
        select Sum(cell.Key.Scenario, cell.Key.Replication, cell.Key.Year, s.Key, s.ToList());

    private static SectorRow Sum(string scenario, int replication, int year, string sector, List<ClusterRow> rows)
    {
        var s = new SectorRow { Scenario = scenario, Replication = replication, Year = year, Sector = sector, Clusters = rows.Count };
        foreach (var c in rows)
        {
            s.AboveSize += c.AboveSize;
            s.AboveSizeCovered += c.AboveSizeCovered;
            s.KeySme += c.KeySme;
            s.KeySmeCovered += c.KeySmeCovered;
            s.SmartFactories += c.SmartFactories;
            s.FutureFactories += c.FutureFactories;
            s.Output += c.Output;
            if (c.HasPlatform) s.ClustersWithPlatform++;
        }
        s.CoverageAboveSize = Share(s.AboveSizeCovered, s.AboveSize);
        s.CoverageKeySme = Share(s.KeySmeCovered, s.KeySme);
        return s;
    }

    private static void WriteCsv(TextWriter w, string[] header, IEnumerable<string[]> rows)
    {
        using var csv = RunCsv.Writer(w);
        csv.WriteHeader(header);
        foreach (var r in rows) csv.WriteRecord(r);
    }

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string Bool(bool v) => v ? "true" : "false";
}
