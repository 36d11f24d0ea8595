using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>
/// An enterprise's initialisation and yearly step: the one statement of the enterprise rule. Enterprise grains call
/// Initialize and Step; the batch kernels (Simulation/BatchPlan, InitKernel, StepKernel) tabulate the same pieces and
/// make the same draws, so both granularities give bit-identical results.
/// Draws, base year: block 0 (level; revenue), block 1 (city), block 2 (smart, future titles; only when eligible).
/// Each year: block 0 words a·b (level move, 53 bits), c (smart grant, 32 bits), d (brain connection, 32 bits); block 1
/// word a (future grant, 32 bits; only when eligible).
/// </summary>
public static class EnterpriseRules
{
    public static EnterpriseState Initialize(int enterpriseId, ClusterSpec cluster, WorldLayout world, ulong seed, int replication)
    {
        var prm = world.Parameters;
        var size = enterpriseId - cluster.FirstEnterpriseId < cluster.AboveSizeCount ? SizeClass.AboveSize : SizeClass.KeySme;
        var rs = new RandomStream(seed, replication, enterpriseId, prm.Years.BaseYear, Purpose.EnterpriseInit);
        var (uLevel, uRevenue) = rs.UniformPair(0);
        var (uCity, _) = rs.UniformPair(1);
        double revenue = Revenue(world, size, uRevenue);
        int city = world.City(uCity);

        var state = new EnterpriseState
        {
            Size = size,
            Level = (byte)InitialLevel(uLevel, CumulativeLevelShares(prm, size)),
            Revenue = (float)revenue,
            Band = (byte)Band(world, size, revenue),
            City = (byte)city,
            CityTier = (byte)world.CityTier[city],
            ReachesSmart = revenue >= world.RevenueForInvestment(prm.SmartFactory.MinInvestment),
            ReachesFuture = revenue >= world.RevenueForInvestment(prm.FutureFactory.MinInvestment),
        };
        if (IsSmartEligible(state, prm.SmartFactory))
        {
            var (uSmart, uFuture) = rs.UniformPair(2);
            state.Titles = InitialTitles(state, uSmart, uFuture, world);
        }
        return state;
    }

    /// <summary>Revenue of a size class at its draw (million yuan).</summary>
    public static double Revenue(WorldLayout world, SizeClass size, double uRevenue) => world.Revenue(size).Revenue(uRevenue);

    /// <summary>The band of a revenue, kept on the size class's side of the size line (rounding at the cut cannot cross it).</summary>
    public static int Band(WorldLayout world, SizeClass size, double revenue)
    {
        int band = world.Band(revenue);
        return size == SizeClass.AboveSize ? Math.Max(band, world.FirstAboveSizeBand) : Math.Min(band, world.FirstAboveSizeBand - 1);
    }

    /// <summary>Running sums of the base-year level shares of a size class, levels 0..3 (level 4 takes the rest).</summary>
    public static double[] CumulativeLevelShares(ModelParameters prm, SizeClass size)
    {
        var cumulative = new double[MaturityLevel.Count - 1];
        double sum = 0;
        for (int l = 0; l < cumulative.Length; l++)
        {
            sum += prm.World.InitialLevelShares[l][size];
            cumulative[l] = sum;
        }
        return cumulative;
    }

    /// <summary>The base-year level: the first level whose running share exceeds the draw, else the top level.</summary>
    public static int InitialLevel(double uLevel, double[] cumulativeShares)
    {
        for (int l = 0; l < cumulativeShares.Length; l++)
            if (uLevel < cumulativeShares[l]) return l;
        return MaturityLevel.Future;
    }

    /// <summary>
    /// The titles held in the base year by an enterprise eligible for a smart factory: each with the world's base-year
    /// probability, the future title only where the smart one makes it eligible.
    /// </summary>
    public static Titles InitialTitles(EnterpriseState state, double uSmart, double uFuture, WorldLayout world)
    {
        if (uSmart < world.InitialSmartProbability) state.Titles |= Titles.SmartFactory;
        if (IsFutureEligible(state, world.Parameters.FutureFactory) && uFuture < world.InitialFutureProbability) state.Titles |= Titles.FutureFactory;
        return state.Titles;
    }

    /// <summary>Where the hazard of an enterprise is in <see cref="StepContext.Hazards"/>: level, band, city tier, connected.</summary>
    public static int HazardIndex(in EnterpriseState state) =>
        state.Level | (state.Band << 3) | (state.CityTier << 6) | (state.Onboarded ? 1 << 8 : 0);

    /// <summary>
    /// One year. Every decision reads the state at the start of the year (a synchronous update): recognition as a smart
    /// factory, then as a future factory, among the eligible; connection to the sector's brains for an enterprise at
    /// level 1 or above; moving up a level with the resolved hazard. The changes apply together at the end of the year.
    /// </summary>
    public static void Step(ref EnterpriseState state, int enterpriseId, StepContext ctx, TitleParameters smart, TitleParameters future, ulong seed, int replication)
    {
        var rs = new RandomStream(seed, replication, enterpriseId, ctx.Year, Purpose.EnterpriseStep);
        var (a, b, c, d) = rs.Words(0);
        bool moves = state.Level < MaturityLevel.Future && RandomStream.Unit53(a, b) < ctx.Hazard(state);
        bool smartGranted = IsSmartCandidate(state, smart) && RandomStream.Unit32(c) < ctx.SmartGrant;
        bool connects = CanConnect(state) && RandomStream.Unit32(d) < ctx.Onboard;
        bool futureGranted = false;
        if (IsFutureCandidate(state, future))
        {
            // Drawn only when eligible: the draw is keyed, so skipping it changes no other draw.
            var (fa, _, _, _) = rs.Words(1);
            futureGranted = RandomStream.Unit32(fa) < ctx.FutureGrant;
        }
        if (moves) state.Level++;
        if (smartGranted) state.Titles |= Titles.SmartFactory;
        if (futureGranted) state.Titles |= Titles.FutureFactory;
        if (connects) state.Onboarded = true;
    }

    /// <summary>A brain connects enterprises already at level 1 (they have a digital base to connect).</summary>
    public static bool CanConnect(in EnterpriseState state) => !state.Onboarded && state.Level >= MaturityLevel.Covered;

    /// <summary>Eligibility for a title: the grade (level), the investment's verdict, and any title it requires.</summary>
    public static bool IsEligible(in EnterpriseState state, TitleParameters title, bool reachesInvestment) =>
        state.Level >= title.MinLevel
        && reachesInvestment
        && (!title.RequiresSmartFactory || (state.Titles & Titles.SmartFactory) != 0);

    public static bool IsSmartEligible(in EnterpriseState state, TitleParameters smart) => IsEligible(state, smart, state.ReachesSmart);
    public static bool IsFutureEligible(in EnterpriseState state, TitleParameters future) => IsEligible(state, future, state.ReachesFuture);

    /// <summary>A candidate for this year's recognition batch: eligible and not yet holding the title.</summary>
    public static bool IsSmartCandidate(in EnterpriseState state, TitleParameters smart) =>
        (state.Titles & Titles.SmartFactory) == 0 && IsSmartEligible(state, smart);
    public static bool IsFutureCandidate(in EnterpriseState state, TitleParameters future) =>
        (state.Titles & Titles.FutureFactory) == 0 && IsFutureEligible(state, future);
}
