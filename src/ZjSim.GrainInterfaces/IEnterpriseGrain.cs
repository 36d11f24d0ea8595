using ZjSim.Model.Agents;
using ZjSim.Model.Rules;

namespace ZjSim.GrainInterfaces;

/// <summary>One enterprise agent in one replication (keyed "run/replication/attempt/enterprise"): the `enterprise` granularity.</summary>
[Alias("ZjSim.IEnterpriseGrain")]
public interface IEnterpriseGrain : IGrainWithStringKey
{
    [Alias("Initialize")] Task<EnterpriseState> Initialize(Immutable<RunRequest> request, int replication, int enterpriseId);
    [Alias("Step")] Task<EnterpriseState> Step(StepContext context);
    [Alias("Release")] Task Release();
}
