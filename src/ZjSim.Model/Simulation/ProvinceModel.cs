using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// The province in one replication: its agents (the government, the brain network) planning each year from the
/// start-of-year reports, and its flows (value added, GDP, science) stepped from the end-of-year reports. Reports are
/// always combined in cluster-index order, so floating-point sums do not depend on the order in which clusters finished.
/// Recording the indicators is apart (<see cref="Indicators.Collect"/>).
/// </summary>
public sealed class ProvinceModel
{
    private readonly WorldLayout _world;
    private readonly ulong _seed;
    private readonly int _replication;
    private readonly GovernmentAgent _government;
    private readonly BrainNetwork _brains;
    private double _coreRatio, _other, _gdp;
    private int _achievements;

    public ProvinceModel(WorldLayout world, ulong seed, int replication)
    {
        _world = world;
        _seed = seed;
        _replication = replication;
        _government = new GovernmentAgent(world);
        _brains = new BrainNetwork(world, seed, replication);
    }

    public int Brains => _brains.Count;

    /// <summary>The enterprises each brain connected in the last year stepped (by brain number), for the brains to add.</summary>
    public long[] Connections { get; private set; } = [];

    /// <summary>The base year's brains, as the sectors they serve.</summary>
    public IReadOnlyList<int> InitialBrains(IReadOnlyList<ClusterReport> baseYear) => _brains.Initial(baseYear);

    /// <summary>The year's launches, as the sectors they serve (the plan's deliveries, then demand).</summary>
    public IReadOnlyList<int> LaunchBrains(int year, IReadOnlyList<ClusterReport> start) => _brains.Launch(year, start);

    /// <summary>Reads the brains' records back from where they are held.</summary>
    public void ReadBrains(IReadOnlyList<Agents.BrainRecord> records) => _brains.Read(records);

    /// <summary>The year's directive for each cluster, from the start-of-year reports and the brains as read.</summary>
    public ClusterDirective[] PlanYear(int year, IReadOnlyList<ClusterReport> start)
    {
        var (onboard, effect) = _brains.Service(start);
        var campaign = _government.Campaign(year, start);
        var (smart, future) = _government.Recognition(year, start);
        var sectorShares = SectorShares(start);
        var directives = new ClusterDirective[_world.Clusters.Count];
        for (int i = 0; i < directives.Length; i++)
        {
            int s = _world.Clusters[i].SectorIndex;
            directives[i] = new ClusterDirective(sectorShares[s], effect[s], onboard[s], campaign, smart, future);
        }
        return directives;
    }


    /// <summary>
    /// Combines the year's cluster reports (index order) and steps the province's flows. In the base year the flows
    /// start at their initial values and the brain network is built.
    /// </summary>
    public ProvinceYear Step(int year, IReadOnlyList<ClusterReport> reports)
    {
        var prm = _world.Parameters;
        var v = prm.ValueAdded;
        if (reports.Count != _world.Clusters.Count) throw new ArgumentException($"expected {_world.Clusters.Count} cluster reports, got {reports.Count}");
        long above = 0, aboveCovered = 0, sme = 0, smeCovered = 0, levelSum = 0, total = 0, connected = 0;
        int smart = 0, future = 0, bigClusters = 0, bigWithPlatform = 0, digital100 = 0;
        double digitalOutput = 0, industrial = 0;
        for (int i = 0; i < reports.Count; i++)
        {
            var r = reports[i];
            if (r.ClusterIndex != i) throw new ArgumentException("cluster reports must be in cluster-index order");
            var t = r.Tally;
            var spec = _world.Clusters[i];
            above += t.TotalOf(SizeClass.AboveSize);
            aboveCovered += t.AtLeast(SizeClass.AboveSize, MaturityLevel.Covered);
            sme += t.TotalOf(SizeClass.KeySme);
            smeCovered += t.AtLeast(SizeClass.KeySme, MaturityLevel.Covered);
            levelSum += t.LevelSum;
            total += t.Total;
            connected += t.Onboarded;
            smart += t.SmartFactories;
            future += t.FutureFactories;
            if (r.Output >= prm.Platforms.ThresholdOutput)
            {
                bigClusters++;
                if (r.HasPlatform) bigWithPlatform++;
            }
            if (spec.DigitalEconomy && r.Output >= prm.ClusterOutput.DigitalClusterThreshold) digital100++;
            // The digital sector's value added is the core industries; industrial digitalisation is the rest of industry's.
            if (spec.IsDigitalSector) digitalOutput += r.Output;
            else industrial += ProvinceRules.IndustrialDigitalisation(v, r.Output, t, _world.BandMeanRevenue);
        }

        double projects = double.NaN, achievements = double.NaN;
        if (year == prm.Years.BaseYear)
        {
            _coreRatio = digitalOutput > 0 ? v.CoreIndustryInitial / digitalOutput : 0;
            // What the agents do not build: the rest of the base year's digital economy (never below 0).
            _other = Math.Max(0, v.DigitalEconomyInitial - v.CoreIndustryInitial - industrial);
            _gdp = v.GdpInitial;
        }
        else
        {
            _other = ProvinceRules.Grow(_other, v.OtherGrowth, v.OtherNoiseSd, 0, year, _seed, _replication);
            _gdp = ProvinceRules.Grow(_gdp, v.GdpGrowth, v.GdpNoiseSd, 1, year, _seed, _replication);
            var science = ProvinceRules.Science(prm.Science, year, _seed, _replication);
            _achievements += science.Achievements;
            projects = science.Projects;
            achievements = _achievements;
        }
        Connections = _brains.Connections(reports);
        double core = _coreRatio * digitalOutput;
        double digitalEconomy = core + industrial + _other;
        bool baseYear = year == prm.Years.BaseYear;

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
            ClustersServedByBrains = _brains.ClustersServed,
            ConnectedEnterprises = connected,
            DigitalEconomyValue = digitalEconomy,
            CoreIndustryValue = core,
            IndustrialDigitalisation = industrial,
            Gdp = _gdp,
            CampaignOffers = baseYear ? 0 : _government.Offers,
            CampaignSpending = baseYear ? 0 : _government.Spending,
            ScienceProjects = projects,
            InnovationAchievements = achievements,
        };
    }

    /// <summary>[sector][l]: the sector's province-wide share at level l+1 or above.</summary>
    private double[][] SectorShares(IReadOnlyList<ClusterReport> reports)
    {
        int sectors = _world.Sectors.Count;
        var atLeast = new long[sectors, 4];
        var totals = new long[sectors];
        foreach (var r in reports)
        {
            int s = _world.Clusters[r.ClusterIndex].SectorIndex;
            totals[s] += r.Tally.Total;
            for (int l = 0; l < 4; l++) atLeast[s, l] += r.Tally.AtLeast(l + 1);
        }
        var shares = new double[sectors][];
        for (int s = 0; s < sectors; s++)
        {
            shares[s] = new double[4];
            for (int l = 0; l < 4; l++) shares[s][l] = totals[s] == 0 ? 0 : (double)atLeast[s, l] / totals[s];
        }
        return shares;
    }
}
