namespace ZjSim.Model;

/// <summary>What a cluster reports at the end of a year: its tally, output value (billion yuan) and platform.</summary>
public sealed record ClusterReport(int ClusterIndex, int Year, ClusterTally Tally, double Output, bool HasPlatform, long EnterpriseYears);
