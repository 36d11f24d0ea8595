using ZjSim.Model.Agents;

namespace ZjSim.Model.Rules;

/// <summary>
/// What an enterprise needs from its cluster to take one yearly step: the year, the probability of moving up a level
/// for each combination of the attributes the hazard reads (<see cref="EnterpriseRules.HazardIndex"/>), and the year's
/// probabilities of being recognised as a smart or future factory and of being connected to a brain, as the province's
/// agents set them.
/// </summary>
public sealed record StepContext(int Year, double[] Hazards, double SmartGrant, double FutureGrant, double Onboard)
{
    /// <summary>Entries of <see cref="Hazards"/>: level (3 bits), band (3), city tier (2), connected (1).</summary>
    public const int HazardEntries = 512;

    public double Hazard(in EnterpriseState state) => Hazards[EnterpriseRules.HazardIndex(state)];
}
