namespace ZjSim.Model.Goals;

/// <summary>One goal checked on one replication.</summary>
public sealed record GoalResult(string Goal, double Target, double Value, bool Met);
