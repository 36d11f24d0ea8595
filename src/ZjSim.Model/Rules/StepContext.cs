using ZjSim.Model.Agents;

namespace ZjSim.Model.Rules;

/// <summary>
/// What an enterprise needs from its cluster to take one yearly step: the year and the
/// transition probabilities already resolved for each (size class, current level).
/// </summary>
public sealed record StepContext(int Year, double[] Hazards)
{
    public double Hazard(SizeClass size, int level) => Hazards[(int)size * 4 + level];
}
