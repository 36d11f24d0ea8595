namespace ZjSim.Model.Rules;

/// <summary>
/// What the province's agents hand a cluster at the start of a year, all read off the start-of-year state: the sector's
/// province-wide shares at level ≥ 1..4 (the industry peer term), the boost the sector's brains give a connected
/// enterprise and the probability of being connected, the government's campaign probabilities [size·4 + level], and
/// the probabilities of recognition as a smart or future factory.
/// </summary>
public sealed record ClusterDirective(double[] SectorShares, double BrainEffect, double Onboard, double[] Campaign, double SmartGrant, double FutureGrant)
{
    /// <summary>No agent acts (the base year's hazards, and the reduction to Bass).</summary>
    public static ClusterDirective None { get; } = new(new double[4], 0, 0, new double[8], 0, 0);
}
