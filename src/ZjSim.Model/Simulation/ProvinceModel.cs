using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// The province in one replication: brains, value added, science, and the yearly indicators
/// computed from the clusters' reports. Reports are always combined in cluster-index order,
/// so floating-point sums do not depend on the order in which clusters finished.
/// </summary>
public sealed class ProvinceModel
{
    private readonly WorldLayout _world;
    private readonly ulong _seed;
    private readonly int _replication;
    private readonly double[] _outputs;
    private int _pendingBrains;
    private double _digitalEconomy, _coreIndustry, _adoption;
    private int _achievements;

    public bool[] BrainServed { get; }
    public int Brains { get; private set; }

    public ProvinceModel(WorldLayout world, ulong seed, int replication)
    {
        _world = world;
        _seed = seed;
        _replication = replication;
        _outputs = world.Clusters.Select(c => c.InitialOutput).ToArray();
        BrainServed = new bool[world.Clusters.Count];
        for (int k = 0; k < world.Parameters.Brains.Initial; k++)
            BrainRule.Assign(BrainServed, _outputs, world.Parameters.Brains.ClustersPerBrain);
        Brains = world.Parameters.Brains.Initial;
    }

    /// <summary>Delivers this year's brains; returns the clusters each new brain serves.</summary>
    public IReadOnlyList<int[]> LaunchBrains(int year)
    {
        var prm = _world.Parameters;
        _pendingBrains += prm.Brains.PlannedIn(year);
        int delivered = BrainRule.Delivered(prm, _pendingBrains, year, _seed, _replication);
        _pendingBrains -= delivered;
        Brains += delivered;
        var launches = new List<int[]>(delivered);
        for (int k = 0; k < delivered; k++)
            launches.Add(BrainRule.Assign(BrainServed, _outputs, prm.Brains.ClustersPerBrain));
        return launches;
    }

    /// <summary>Combines the year's cluster reports (index order) into the indicators, stepping province flows.</summary>
    public void Observe(int year, IReadOnlyList<ClusterReport> reports, IndicatorTable table)
    {
        var prm = _world.Parameters;
        if (reports.Count != _world.Clusters.Count) throw new ArgumentException($"expected {_world.Clusters.Count} cluster reports, got {reports.Count}");
        long above = 0, aboveCovered = 0, sme = 0, smeCovered = 0, levelSum = 0, total = 0;
        int smart = 0, future = 0, bigClusters = 0, bigWithPlatform = 0, digital100 = 0;
        for (int i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            if (r.ClusterIndex != i) throw new ArgumentException("cluster reports must be in cluster-index order");
            var t = r.Tally;
            above += t.TotalOf(SizeClass.AboveSize);
            aboveCovered += t.AtLeast(SizeClass.AboveSize, MaturityLevel.Covered);
            sme += t.TotalOf(SizeClass.KeySme);
            smeCovered += t.AtLeast(SizeClass.KeySme, MaturityLevel.Covered);
            levelSum += t.LevelSum;
            total += t.Total;
            smart += t.SmartFactories;
            future += t.FutureFactories;
            _outputs[i] = r.Output;
            if (r.Output >= prm.Platforms.ThresholdOutput)
            {
                bigClusters++;
                if (r.HasPlatform) bigWithPlatform++;
            }
            if (_world.Clusters[i].DigitalEconomy && r.Output >= prm.ClusterOutput.DigitalClusterThreshold) digital100++;
        }

        double adoption = total == 0 ? 0 : levelSum / (4.0 * total);
        if (year == prm.Years.BaseYear)
        {
            _digitalEconomy = prm.DigitalEconomy.Initial;
            _coreIndustry = prm.CoreIndustry.Initial;
        }
        else
        {
            double change = adoption - _adoption;
            _digitalEconomy = ProvinceRules.NextValue(prm.DigitalEconomy, _digitalEconomy, change, 0, year, _seed, _replication);
            _coreIndustry = ProvinceRules.NextValue(prm.CoreIndustry, _coreIndustry, change, 1, year, _seed, _replication);
            var (projects, achievements) = ProvinceRules.Science(prm.Science, year, _seed, _replication);
            _achievements += achievements;
            table[year, Indicator.ScienceProjects] = projects;
            table[year, Indicator.InnovationAchievements] = _achievements;
        }
        _adoption = adoption;

        table[year, Indicator.CoverageAboveSize] = above == 0 ? 0 : (double)aboveCovered / above;
        table[year, Indicator.CoverageKeySme] = sme == 0 ? 0 : (double)smeCovered / sme;
        table[year, Indicator.IndustryBrains] = Brains;
        table[year, Indicator.FutureFactories] = future;
        table[year, Indicator.SmartFactories] = smart;
        table[year, Indicator.PlatformCoverage10b] = bigClusters == 0 ? 1 : (double)bigWithPlatform / bigClusters;
        table[year, Indicator.DigitalEconomyValue] = _digitalEconomy;
        table[year, Indicator.CoreIndustryValue] = _coreIndustry;
        table[year, Indicator.DigitalClusters100b] = digital100;
        table[year, Indicator.AdoptionIndex] = adoption;
        table[year, Indicator.ClustersServedByBrains] = BrainServed.Count(s => s);
    }
}
