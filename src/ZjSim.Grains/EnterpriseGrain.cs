using ZjSim.GrainInterfaces;
using ZjSim.Model.Agents;
using ZjSim.Model.Rules;
using ZjSim.Model.World;

namespace ZjSim.Grains;

/// <summary>One enterprise agent stepping itself: the `enterprise` granularity, for small worlds and demonstrations.</summary>
internal sealed class EnterpriseGrain(WorldCache worlds) : Grain, IEnterpriseGrain
{
    private EnterpriseState _state;
    private WorldLayout? _world;
    private ulong _seed;
    private int _replication, _id, _year;

    public async Task<EnterpriseState> Initialize(Immutable<RunRequest> request, int replication, int enterpriseId)
    {
        _world = (await worlds.Get(request.Value, replication)).World;
        _seed = request.Value.Seed;
        _replication = replication;
        _id = enterpriseId;
        _year = _world.Parameters.Years.BaseYear;
        _state = EnterpriseRules.Initialize(enterpriseId, _world.ClusterOfEnterprise(enterpriseId), _world, _seed, replication);
        return _state;
    }

    public Task<EnterpriseState> Step(StepContext context)
    {
        if (_world is null) throw new ReplicationStateLostException($"enterprise grain {this.GetPrimaryKeyString()} has no state for {context.Year}");
        if (context.Year != _year + 1)
            throw new ReplicationStateLostException($"enterprise grain {this.GetPrimaryKeyString()} is at {_year} and was asked to step {context.Year}");
        _year = context.Year;
        var prm = _world.Parameters;
        EnterpriseRules.Step(ref _state, _id, context, prm.SmartFactory, prm.FutureFactory, _seed, _replication);
        return Task.FromResult(_state);
    }

    public Task Release()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
