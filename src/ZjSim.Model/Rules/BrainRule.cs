using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>
/// Industry brains. A brain is launched by the plan (each pending planned brain is delivered in a year with
/// delivery_probability, else it slips) or by demand (a sector whose enterprises at level ≥ 2, at province scale,
/// support more brains than it has — one per demand_enterprises — launches one in a year with demand_probability).
/// A planned brain goes to the sector with the most enterprises at level ≥ 2 per brain. A sector's brains connect
/// up to onboarding_capacity enterprises each a year; a connected enterprise's hazard gains
/// boost · n / (n + half_network), n the sector's connected enterprises at province scale: a network that is worth
/// more the more it connects, and saturates.
/// </summary>
public static class BrainRule
{
    public static int Delivered(ModelParameters prm, int pending, int year, ulong seed, int replication)
    {
        var rs = new RandomStream(seed, replication, EntityIds.Province, year, Purpose.BrainDelivery);
        int delivered = 0;
        for (int k = 0; k < pending; k++)
            if (rs.Uniform(k) < prm.Brains.DeliveryProbability) delivered++;
        return delivered;
    }

    /// <summary>The sector a planned brain goes to: most demand per brain, then the lower index.</summary>
    public static int SectorFor(IReadOnlyList<long> demand, IReadOnlyList<int> brains)
    {
        int best = 0;
        double bestValue = double.NegativeInfinity;
        for (int s = 0; s < demand.Count; s++)
        {
            double value = demand[s] / (brains[s] + 1.0);
            if (value > bestValue) { best = s; bestValue = value; }
        }
        return best;
    }

    /// <summary>Whether sector <paramref name="sector"/>'s unmet demand launches a brain this year.</summary>
    public static bool DemandLaunches(BrainParameters b, double scale, long demand, int brains, int sector, int year, ulong seed, int replication)
    {
        double supported = Math.Floor(demand / scale / b.DemandEnterprises);
        if (supported <= brains) return false;
        return new RandomStream(seed, replication, EntityIds.Province, year, Purpose.BrainDemand).Uniform(sector) < b.DemandProbability;
    }

    /// <summary>Probability that a connectable enterprise of the sector is connected this year.</summary>
    public static double Onboard(BrainParameters b, double scale, int brains, long connectable) =>
        brains == 0 || connectable <= 0 ? 0 : Math.Min(1, brains * b.OnboardingCapacity * scale / connectable);

    /// <summary>What the sector's brains add to a connected enterprise's hazard.</summary>
    public static double Effect(BrainParameters b, double scale, long connected)
    {
        double n = connected / scale;
        return b.Boost * n / (n + b.HalfNetwork);
    }
}
