namespace ZjSim.Client.Experiments;

/// <summary>One replication of one point: the indicators in the indicator year (catalogue order) and each goal's met flag.</summary>
public sealed record ReplicationRow(int Replication, double[] Indicators, bool[] Met);

/// <summary>A finished point of an experiment: its id (its row in the design), its parameter values and its replications.</summary>
public sealed record PointResult(int Point, double[] Values, ReplicationRow[] Replications);
