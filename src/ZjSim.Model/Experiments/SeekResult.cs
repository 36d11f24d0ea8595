using ZjSim.Model.Analysis;

namespace ZjSim.Model.Experiments;

/// <summary>
/// One lever value the search tried: the runs spent there, how many met the goal, P(met) with its Wilson interval
/// at the per-test level, and the verdict: +1 P ≥ target, -1 P &lt; target, 0 not told apart within the run budget.
/// </summary>
public sealed record SeekStep(double Lever, int Runs, int Met, Interval Probability, int Verdict);

/// <summary>
/// What the search found. <see cref="Lever"/> is the least (or, for a falling probability, the greatest) value
/// judged to meet the target; the root lies in [<see cref="BracketLow"/>, <see cref="BracketHigh"/>] with the
/// stated confidence. Found is false when even the best end of the range misses the target.
/// </summary>
public sealed record SeekResult(bool Found, double Lever, Interval Probability, double BracketLow, double BracketHigh,
    int RunsSpent, bool Rising, IReadOnlyList<SeekStep> Steps);
