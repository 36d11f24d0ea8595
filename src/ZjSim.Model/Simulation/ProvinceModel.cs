using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// The province in one replication: brains, value added and science, stepped once a year from the clusters'
/// reports. Reports are always combined in cluster-index order, so floating-point sums do not depend on the
/// order in which clusters finished. Recording the indicators is apart (<see cref="Indicators.Collect"/>).
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

    /// <summary>
    /// Combines the year's cluster reports (index order) and steps the province's flows: value added grows with the
    /// change in the adoption index, science projects are drawn. In the base year the flows start at their initial values.
    /// </summary>
    public ProvinceYear Step(int year, IReadOnlyList<ClusterReport> reports)
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
        double projects = double.NaN, achievements = double.NaN;
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
            var science = ProvinceRules.Science(prm.Science, year, _seed, _replication);
            _achievements += science.Achievements;
            projects = science.Projects;
            achievements = _achievements;
        }
        _adoption = adoption;

        return new ProvinceYear
        {
            Year = year,
            AboveSize = above,
            AboveSizeCovered = aboveCovered,
            KeySme = sme,
            KeySmeCovered = smeCovered,
            Enterprises = total,
            LevelSum = levelSum,
            SmartFactories = smart,
            FutureFactories = future,
            BigClusters = bigClusters,
            BigClustersWithPlatform = bigWithPlatform,
            DigitalClusters100b = digital100,
            Brains = Brains,
            ClustersServedByBrains = BrainServed.Count(s => s),
            DigitalEconomyValue = _digitalEconomy,
            CoreIndustryValue = _coreIndustry,
            ScienceProjects = projects,
            InnovationAchievements = achievements,
        };
    }
}
