using System.Globalization;
using CsvHelper;
using Parquet;
using Parquet.Schema;
using ZjSim.Model.Analysis;

namespace ZjSim.Client.Experiments;

/// <summary>The columns an experiment's tables have: the varied parameters, the indicators (of the indicator year) and the goals.</summary>
public sealed record ExperimentColumns(IReadOnlyList<string> Parameters, IReadOnlyList<string> Indicators, IReadOnlyList<string> Goals)
{
    public static string Met(string goal) => $"met_{goal}";
}

/// <summary>
/// experiments.csv and experiments.parquet (one row per point and replication) and points.csv (per point: each goal's
/// probability with its Wilson 95% interval, each indicator's median), written from the finished points in point
/// order, so the same points give the same bytes however the experiment was interrupted and resumed.
/// </summary>
public static class ExperimentTables
{
    private static string Number(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);

    public static void Write(ExperimentFolder folder, ExperimentColumns columns, IReadOnlyCollection<PointResult> points)
    {
        folder.Atomic(ExperimentFolder.ExperimentsCsv, path => WriteRows(path, columns, points));
        folder.Atomic(ExperimentFolder.ExperimentsParquet, path => WriteParquet(path, columns, points).GetAwaiter().GetResult());
        folder.Atomic(ExperimentFolder.PointsCsv, path => WritePoints(path, columns, points));
    }

    private static CsvWriter Csv(string path) => CsvWriter.ToFile(path, new CsvWriterOptions { NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture });

    private static void WriteRows(string path, ExperimentColumns c, IEnumerable<PointResult> points)
    {
        using var csv = Csv(path);
        foreach (var h in new[] { "point", "replication" }.Concat(c.Parameters).Concat(c.Indicators).Concat(c.Goals.Select(ExperimentColumns.Met)))
            csv.WriteField(h);
        csv.EndRecord();
        foreach (var p in points)
            foreach (var r in p.Replications)
            {
                csv.WriteField(p.Point.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(r.Replication.ToString(CultureInfo.InvariantCulture));
                foreach (var v in p.Values) csv.WriteField(Number(v));
                foreach (var v in r.Indicators) csv.WriteField(Number(v));
                foreach (var m in r.Met) csv.WriteField(m ? "1" : "0");
                csv.EndRecord();
            }
    }

    private static async Task WriteParquet(string path, ExperimentColumns c, IReadOnlyCollection<PointResult> points)
    {
        var rows = points.SelectMany(p => p.Replications.Select(r => (p, r))).ToArray();
        var pointField = new DataField<int>("point");
        var replicationField = new DataField<int>("replication");
        var parameterFields = c.Parameters.Select(n => new DataField<double>(n)).ToArray();
        var indicatorFields = c.Indicators.Select(n => new DataField<double>(n)).ToArray();
        var goalFields = c.Goals.Select(g => new DataField<bool>(ExperimentColumns.Met(g))).ToArray();
        var schema = new ParquetSchema(new Field[] { pointField, replicationField }.Concat(parameterFields).Concat(indicatorFields).Concat(goalFields));
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync<int>(pointField, rows.Select(x => x.p.Point).ToArray().AsMemory());
        await group.WriteAsync<int>(replicationField, rows.Select(x => x.r.Replication).ToArray().AsMemory());
        for (int j = 0; j < parameterFields.Length; j++)
            await group.WriteAsync<double>(parameterFields[j], rows.Select(x => x.p.Values[j]).ToArray().AsMemory());
        for (int j = 0; j < indicatorFields.Length; j++)
            await group.WriteAsync<double>(indicatorFields[j], rows.Select(x => x.r.Indicators[j]).ToArray().AsMemory());
        for (int j = 0; j < goalFields.Length; j++)
            await group.WriteAsync<bool>(goalFields[j], rows.Select(x => x.r.Met[j]).ToArray().AsMemory());
    }

    private static void WritePoints(string path, ExperimentColumns c, IEnumerable<PointResult> points)
    {
        using var csv = Csv(path);
        var header = new List<string> { "point" };
        header.AddRange(c.Parameters);
        header.Add("replications");
        foreach (var g in c.Goals) header.AddRange([$"p_{g}", $"p_{g}_low", $"p_{g}_high"]);
        header.AddRange(c.Indicators.Select(i => $"median_{i}"));
        foreach (var h in header) csv.WriteField(h);
        csv.EndRecord();
        foreach (var p in points)
        {
            int n = p.Replications.Length;
            csv.WriteField(p.Point.ToString(CultureInfo.InvariantCulture));
            foreach (var v in p.Values) csv.WriteField(Number(v));
            csv.WriteField(n.ToString(CultureInfo.InvariantCulture));
            for (int g = 0; g < c.Goals.Count; g++)
            {
                var w = Proportion.Wilson(p.Replications.Count(r => r.Met[g]), n);
                csv.WriteField(Number(w.Estimate));
                csv.WriteField(Number(w.Lower));
                csv.WriteField(Number(w.Upper));
            }
            for (int i = 0; i < c.Indicators.Count; i++)
                csv.WriteField(Number(Quantiles.Of(p.Replications.Select(r => r.Indicators[i]).ToArray(), 0.5)));
            csv.EndRecord();
        }
    }

    /// <summary>Reads experiments.csv back, for the analysis commands.</summary>
    public static (ExperimentColumns Columns, List<PointResult> Points) Read(string path, int parameterCount, IReadOnlyList<string> goals)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: not found; run the experiment (or --resume it) first");
        using var reader = CsvReader.Create(File.OpenRead(path), new CsvReaderOptions { FormatProvider = CultureInfo.InvariantCulture }, false);
        var header = reader.Headers.ToArray();
        var parameters = header.Skip(2).Take(parameterCount).ToArray();
        var indicators = header.Skip(2 + parameterCount).Take(header.Length - 2 - parameterCount - goals.Count).ToArray();
        var byPoint = new SortedDictionary<int, (double[] Values, List<ReplicationRow> Rows)>();
        double Parse(string s) => s.Length == 0 ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);
        while (reader.Read())
        {
            int point = int.Parse(reader.GetString(0)!, CultureInfo.InvariantCulture);
            int replication = int.Parse(reader.GetString(1)!, CultureInfo.InvariantCulture);
            var values = Enumerable.Range(0, parameters.Length).Select(j => Parse(reader.GetString(2 + j)!)).ToArray();
            var ind = Enumerable.Range(0, indicators.Length).Select(j => Parse(reader.GetString(2 + parameters.Length + j)!)).ToArray();
            var met = Enumerable.Range(0, goals.Count).Select(j => reader.GetString(2 + parameters.Length + indicators.Length + j) == "1").ToArray();
            if (!byPoint.TryGetValue(point, out var entry)) byPoint[point] = entry = (values, []);
            entry.Rows.Add(new ReplicationRow(replication, ind, met));
        }
        return (new ExperimentColumns(parameters, indicators, goals),
            byPoint.Select(kv => new PointResult(kv.Key, kv.Value.Values, kv.Value.Rows.ToArray())).ToList());
    }
}
