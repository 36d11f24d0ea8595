namespace ZjSim.Client.Hosting;

/// <summary>Where grains run: an embedded silo in this process, or (later) a cluster reached through a gateway.</summary>
public interface ISimulationHost : IAsyncDisposable
{
    IGrainFactory Grains { get; }
    string Description { get; }
}
