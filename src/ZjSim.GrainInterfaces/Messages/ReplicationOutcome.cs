using ZjSim.Model;
using ZjSim.Model.Goals;

namespace ZjSim.GrainInterfaces;

/// <summary>
/// One finished replication: its yearly indicators and its goal checks, and the enterprise-years its cluster
/// grains simulated on each silo (by silo endpoint; not part of the results, which never depend on placement), and
/// the values it took for the scenario's uncertain parameters (in their order), as its world was resolved from them,
/// and, only when the request asked for outputs by cluster, its per-cluster-per-year quantities.
/// </summary>
[GenerateSerializer, Immutable, Alias("ZjSim.ReplicationOutcome")]
public sealed record ReplicationOutcome(
    [property: Id(0)] int Replication,
    [property: Id(1)] IndicatorTable Indicators,
    [property: Id(2)] GoalResult[] Goals,
    [property: Id(3)] long EnterpriseYears,
    [property: Id(4)] string Scenario = "",
    [property: Id(5)] Dictionary<string, long>? WorkBySilo = null,
    [property: Id(6)] double[]? Drawn = null,
    [property: Id(7)] ClusterYears? ByCluster = null);
