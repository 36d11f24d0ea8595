using ZjSim.Model.Agents;

namespace ZjSim.Model;

/// <summary>
/// One replication's cluster-level quantities, a row per (year, cluster) from the base year: the counts behind the
/// coverage indicators, the titles held, output and whether the cluster has a platform. Kept only when a run asks
/// for outputs by cluster or sector; flat arrays so it crosses silos cheaply and reads back as it was written.
/// </summary>
public sealed class ClusterYears
{
    /// <summary>The counts kept per (year, cluster), in this order within <see cref="Counts"/>.</summary>
    public const int AboveSize = 0, AboveSizeCovered = 1, KeySme = 2, KeySmeCovered = 3, SmartFactories = 4, FutureFactories = 5, CountFields = 6;

    public int FirstYear { get; }
    public int Clusters { get; }
    /// <summary>[(yearOffset * Clusters + cluster) * CountFields + field]</summary>
    public int[] Counts { get; }
    /// <summary>End-of-year output, billion yuan: [yearOffset * Clusters + cluster]</summary>
    public double[] Output { get; }
    /// <summary>[yearOffset * Clusters + cluster]</summary>
    public bool[] HasPlatform { get; }

    public ClusterYears(int firstYear, int lastYear, int clusters)
        : this(firstYear, clusters, new int[(lastYear - firstYear + 1) * clusters * CountFields],
            new double[(lastYear - firstYear + 1) * clusters], new bool[(lastYear - firstYear + 1) * clusters]) { }

    public ClusterYears(int firstYear, int clusters, int[] counts, double[] output, bool[] hasPlatform)
    {
        if (clusters < 1 || output.Length % clusters != 0 || hasPlatform.Length != output.Length || counts.Length != output.Length * CountFields)
            throw new ArgumentException("cluster-year arrays do not match the number of clusters");
        FirstYear = firstYear; Clusters = clusters; Counts = counts; Output = output; HasPlatform = hasPlatform;
    }

    public int LastYear => FirstYear + Output.Length / Clusters - 1;

    /// <summary>Keeps a year's cluster reports (the same ones the province combines into the indicators).</summary>
    public void Record(int year, IReadOnlyList<ClusterReport> reports)
    {
        foreach (var r in reports)
        {
            int cell = (year - FirstYear) * Clusters + r.ClusterIndex;
            var t = r.Tally;
            int at = cell * CountFields;
            Counts[at + AboveSize] = t.TotalOf(SizeClass.AboveSize);
            Counts[at + AboveSizeCovered] = t.AtLeast(SizeClass.AboveSize, MaturityLevel.Covered);
            Counts[at + KeySme] = t.TotalOf(SizeClass.KeySme);
            Counts[at + KeySmeCovered] = t.AtLeast(SizeClass.KeySme, MaturityLevel.Covered);
            Counts[at + SmartFactories] = t.SmartFactories;
            Counts[at + FutureFactories] = t.FutureFactories;
            Output[cell] = r.Output;
            HasPlatform[cell] = r.HasPlatform;
        }
    }

    public int Count(int year, int cluster, int field) => Counts[((year - FirstYear) * Clusters + cluster) * CountFields + field];
    public double OutputOf(int year, int cluster) => Output[(year - FirstYear) * Clusters + cluster];
    public bool PlatformOf(int year, int cluster) => HasPlatform[(year - FirstYear) * Clusters + cluster];
}
