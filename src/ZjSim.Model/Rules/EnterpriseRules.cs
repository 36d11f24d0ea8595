using MathNet.Numerics.Distributions;
using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>
/// An enterprise's initialisation and yearly step: the one statement of the enterprise rule. Enterprise grains
/// call Initialize and Step; the batch kernels (Simulation/BatchPlan, InitKernel, StepKernel) tabulate the same
/// pieces (<see cref="InitialLevel"/>, <see cref="InitialTitles"/>, <see cref="Advance"/>, <see cref="GrantsFuture"/>)
/// and decide the same draws, so both granularities give bit-identical results. Draws: the base year's block 0
/// (level, revenue) and block 1 (smart, future titles); each year's block 0 (level move, smart grant) and block 1
/// word a (future grant, drawn only when the enterprise is eligible).
/// </summary>
public static class EnterpriseRules
{
    public static EnterpriseState Initialize(int enterpriseId, ClusterSpec cluster, WorldLayout world, ulong seed, int replication)
    {
        var prm = world.Parameters;
        var size = enterpriseId - cluster.FirstEnterpriseId < cluster.AboveSizeCount ? SizeClass.AboveSize : SizeClass.KeySme;
        var rs = new RandomStream(seed, replication, enterpriseId, prm.Years.BaseYear, Purpose.EnterpriseInit);
        var (uLevel, uRevenue) = rs.UniformPair(0);

        var state = new EnterpriseState
        {
            Size = size,
            Level = (byte)InitialLevel(uLevel, CumulativeLevelShares(prm, size)),
            Revenue = Revenue(cluster.MeanRevenue, prm.World.RevenueSigma, uRevenue),
        };
        if (IsEligible(state, prm.SmartFactory))
        {
            var (uSmart, uFuture) = rs.UniformPair(1);
            state.Titles = InitialTitles(state, uSmart, uFuture, world);
        }
        return state;
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
    /// The titles held in the base year by an enterprise eligible for a smart factory: each with the world's
    /// base-year probability, the future title only where the smart one makes it eligible.
    /// </summary>
    public static Titles InitialTitles(EnterpriseState state, double uSmart, double uFuture, WorldLayout world) =>
        InitialTitles(state, uSmart, uFuture, world, ReachesMinimum(state, world.Parameters.FutureFactory));

    /// <summary><see cref="InitialTitles(EnterpriseState, double, double, WorldLayout)"/> given the revenue's verdict on the future title's minimum.</summary>
    public static Titles InitialTitles(EnterpriseState state, double uSmart, double uFuture, WorldLayout world, bool reachesFuture)
    {
        if (uSmart < world.InitialSmartProbability) state.Titles |= Titles.SmartFactory;
        if (IsEligible(state, world.Parameters.FutureFactory, reachesFuture) && uFuture < world.InitialFutureProbability) state.Titles |= Titles.FutureFactory;
        return state.Titles;
    }

    /// <summary>Revenue = mean · LogNormal(−σ²/2, σ) by inversion of the base-year revenue draw.</summary>
    public static float Revenue(double meanRevenue, double sigma, double uRevenue)
    {
        double z = Normal.InvCDF(0, 1, Math.Max(uRevenue, double.Epsilon));
        return (float)(meanRevenue * Math.Exp(-sigma * sigma / 2 + sigma * z));
    }

    /// <summary>One year: move up a level with the resolved hazard, then the titles the new level makes possible.</summary>
    public static void Step(ref EnterpriseState state, int enterpriseId, StepContext ctx, TitleParameters smart, TitleParameters future, ulong seed, int replication)
    {
        var rs = new RandomStream(seed, replication, enterpriseId, ctx.Year, Purpose.EnterpriseStep);
        var (uLevel, uSmart) = rs.UniformPair(0);
        bool moves = state.Level < MaturityLevel.Future && uLevel < ctx.Hazard(state.Size, state.Level);
        if (Advance(ref state, moves, uSmart < smart.GrantRate, smart, future))
        {
            // Drawn only when needed: the draw is keyed, so skipping it changes no other draw.
            var (uFuture, _) = rs.UniformPair(1);
            if (GrantsFuture(uFuture, future)) state.Titles |= Titles.FutureFactory;
        }
    }

    /// <summary>
    /// The deterministic part of the step, given the level and smart-grant draws' verdicts: the level move, then a
    /// smart-factory title where the new state is eligible. Returns whether the future-factory draw is to be made.
    /// </summary>
    public static bool Advance(ref EnterpriseState state, bool moves, bool smartDrawPasses, TitleParameters smart, TitleParameters future) =>
        Advance(ref state, moves, smartDrawPasses, smart, future, ReachesMinimum(state, smart), ReachesMinimum(state, future));

    /// <summary>
    /// <see cref="Advance(ref EnterpriseState, bool, bool, TitleParameters, TitleParameters)"/> given the revenue's
    /// verdicts on the two titles' minimums: revenue enters the step only through them, which is why the batch
    /// representation keeps the verdicts and not the revenue.
    /// </summary>
    public static bool Advance(ref EnterpriseState state, bool moves, bool smartDrawPasses, TitleParameters smart, TitleParameters future,
        bool reachesSmart, bool reachesFuture)
    {
        if (moves && state.Level < MaturityLevel.Future) state.Level++;
        if ((state.Titles & Titles.SmartFactory) == 0 && smartDrawPasses && IsEligible(state, smart, reachesSmart))
            state.Titles |= Titles.SmartFactory;
        return (state.Titles & Titles.FutureFactory) == 0 && IsEligible(state, future, reachesFuture);
    }

    /// <summary>The future-factory grant, for an enterprise that <see cref="Advance"/> found eligible.</summary>
    public static bool GrantsFuture(double uFuture, TitleParameters future) => uFuture < future.GrantRate;

    public static bool IsEligible(in EnterpriseState state, TitleParameters title) => IsEligible(state, title, ReachesMinimum(state, title));

    /// <summary>Eligibility for a title: an above-size enterprise at its level, with the revenue, holding any title it requires.</summary>
    public static bool IsEligible(in EnterpriseState state, TitleParameters title, bool reachesMinimum) =>
        state.Size == SizeClass.AboveSize
        && state.Level >= title.MinLevel
        && reachesMinimum
        && (!title.RequiresSmartFactory || (state.Titles & Titles.SmartFactory) != 0);

    public static bool ReachesMinimum(in EnterpriseState state, TitleParameters title) => state.Revenue >= title.MinRevenue;
}
