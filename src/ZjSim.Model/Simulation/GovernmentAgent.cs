using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Model.Simulation;

/// <summary>
/// The provincial government in one replication. Each year it reads the province's start-of-year counts, sets each
/// campaign's effort (<see cref="CampaignRule"/>), and hands the clusters the resulting probability of an accepted offer
/// for every (size class, level); it also sets the year's recognition probabilities for the two titles
/// (<see cref="RecognitionRule"/>). It keeps what it has spent.
/// </summary>
public sealed class GovernmentAgent(WorldLayout world)
{
    /// <summary>Expected subsidy paid this year and in total, billion yuan at province scale.</summary>
    public double Spending { get; private set; }
    public double TotalSpending { get; private set; }
    /// <summary>Offers of support made this year, at province scale.</summary>
    public double Offers { get; private set; }

    /// <summary>[size·4 + level]: probability that an enterprise there takes a supported step this year.</summary>
    public double[] Campaign(int year, IReadOnlyList<ClusterReport> start)
    {
        var prm = world.Parameters;
        var g = prm.Government;
        var notOffered = Enumerable.Repeat(1.0, 8).ToArray();
        double spending = 0, offers = 0;
        foreach (var c in g.Campaigns)
        {
            var size = c.TargetClass();
            int total = 0, above = 0, at = 0;
            foreach (var r in start)
            {
                total += r.Tally.TotalOf(size);
                above += r.Tally.AtLeast(size, c.FromLevel + 1);
                at += r.Tally.Count(size, c.FromLevel);
            }
            var (probability, _) = CampaignRule.Offer(c, year, world.Scale, total, above, at);
            double acceptance = CampaignRule.Acceptance(g, c.SubsidyShare);
            notOffered[(int)size * 4 + c.FromLevel] *= 1 - probability * acceptance;
            // Offers actually made: never more than the enterprises at the campaign's level.
            double made = probability * at;
            offers += made / world.Scale;
            spending += made * acceptance * CampaignRule.SubsidyPerEnterprise(c) / 1000 / world.Scale;
        }
        Offers = offers;
        Spending = spending;
        TotalSpending += spending;
        return notOffered.Select(x => 1 - x).ToArray();
    }

    /// <summary>The year's recognition probabilities: each title's batch over its candidates at the start of the year.</summary>
    public (double Smart, double Future) Recognition(int year, IReadOnlyList<ClusterReport> start)
    {
        var prm = world.Parameters;
        long smart = 0, future = 0;
        foreach (var r in start) { smart += r.Tally.SmartCandidates; future += r.Tally.FutureCandidates; }
        return (RecognitionRule.GrantProbability(prm.SmartFactory.BatchIn(year), world.Scale, smart, prm.SmartFactory.ApplicationRate),
                RecognitionRule.GrantProbability(prm.FutureFactory.BatchIn(year), world.Scale, future, prm.FutureFactory.ApplicationRate));
    }
}
