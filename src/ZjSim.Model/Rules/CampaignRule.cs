using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Rules;

/// <summary>
/// The government's effort in a campaign, set each year from the gap to its target and the years left (the agent's
/// objective and adaptation): it offers support to gap / years-left enterprises, within its service providers'
/// capacity and what its budget pays at the subsidy per enterprise. An offered enterprise takes the step in the year
/// with the acceptance probability, which the subsidy raises along an inverted U (Shi, Wen &amp; Zhang 2025). Past the
/// deadline the whole remaining gap is wanted at once; before the start, or once the target is met, nothing is offered.
/// Counts are in the simulated world; capacity and budget are the province's, so they scale with it.
/// </summary>
public static class CampaignRule
{
    /// <summary>One campaign's year: the offer probability for an enterprise at the campaign's level, and the offers made.</summary>
    public static (double Probability, double Offers) Offer(CampaignParameters c, int year, double scale, int classTotal, int aboveFromLevel, int atFromLevel)
    {
        if (year < c.Start || atFromLevel <= 0) return (0, 0);
        double gap = c.TargetShare * classTotal - aboveFromLevel;
        if (gap <= 0) return (0, 0);
        int yearsLeft = Math.Max(1, c.Deadline - year + 1);
        double wanted = gap / yearsLeft;
        double capacity = c.Providers * c.EnterprisesPerProvider * scale;
        double subsidy = SubsidyPerEnterprise(c);
        double affordable = subsidy > 0 ? c.Budget * 1000 / subsidy * scale : double.PositiveInfinity;
        // Only enterprises at the campaign's level can be offered a step, though the gap counts those below it too.
        double offers = Math.Min(Math.Min(wanted, atFromLevel), Math.Min(capacity, affordable));
        return (offers / atFromLevel, offers);
    }

    /// <summary>Subsidy per supported enterprise: the share of the step's cost, capped (million yuan).</summary>
    public static double SubsidyPerEnterprise(CampaignParameters c) => Math.Min(c.SubsidyCap, c.SubsidyShare * c.StepCost);

    /// <summary>acceptance + a·s − b·s², within [0, 1]: the inverted U of subsidy intensity.</summary>
    public static double Acceptance(GovernmentParameters g, double subsidyShare) =>
        Math.Clamp(g.Acceptance + g.SubsidyEffectLinear * subsidyShare - g.SubsidyEffectQuadratic * subsidyShare * subsidyShare, 0, 1);
}
