using MathNet.Numerics.Distributions;
using ZjSim.Model.Agents;
using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>
/// An enterprise's initialisation and yearly step. Both granularities call exactly these functions,
/// with draws from the enterprise's own streams, so they give bit-identical results.
/// </summary>
public static class EnterpriseRules
{
    public static EnterpriseState Initialize(int enterpriseId, ClusterSpec cluster, WorldLayout world, ulong seed, int replication)
    {
        var prm = world.Parameters;
        var size = enterpriseId - cluster.FirstEnterpriseId < cluster.AboveSizeCount ? SizeClass.AboveSize : SizeClass.KeySme;
        var rs = new RandomStream(seed, replication, enterpriseId, prm.Years.BaseYear, Purpose.EnterpriseInit);
        var (uLevel, uRevenue) = rs.UniformPair(0);

        int level = MaturityLevel.Count - 1;
        double cumulative = 0;
        for (int l = 0; l < MaturityLevel.Count; l++)
        {
            cumulative += prm.World.InitialLevelShares[l][size];
            if (uLevel < cumulative) { level = l; break; }
        }

        var state = new EnterpriseState
        {
            Size = size,
            Level = (byte)level,
            Revenue = Revenue(cluster.MeanRevenue, prm.World.RevenueSigma, uRevenue),
        };

        if (IsEligible(state, prm.SmartFactory))
        {
            var (uSmart, uFuture) = rs.UniformPair(1);
            if (uSmart < world.InitialSmartProbability) state.Titles |= Titles.SmartFactory;
            if (IsEligible(state, prm.FutureFactory) && uFuture < world.InitialFutureProbability) state.Titles |= Titles.FutureFactory;
        }
        return state;
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
        if (state.Level < MaturityLevel.Future && uLevel < ctx.Hazard(state.Size, state.Level))
            state.Level++;
        if ((state.Titles & Titles.SmartFactory) == 0 && IsEligible(state, smart) && uSmart < smart.GrantRate)
            state.Titles |= Titles.SmartFactory;
        if ((state.Titles & Titles.FutureFactory) == 0 && IsEligible(state, future))
        {
            // Drawn only when needed: the draw is keyed, so skipping it changes no other draw.
            var (uFuture, _) = rs.UniformPair(1);
            if (uFuture < future.GrantRate) state.Titles |= Titles.FutureFactory;
        }
    }

    public static bool IsEligible(in EnterpriseState state, TitleParameters title) =>
        state.Size == SizeClass.AboveSize
        && state.Level >= title.MinLevel
        && state.Revenue >= title.MinRevenue
        && (!title.RequiresSmartFactory || (state.Titles & Titles.SmartFactory) != 0);
}
