namespace ZjSim.Hosting;

/// <summary>Where grains run: silos embedded in this process, or a service reached through its gateways.</summary>
public interface ISimulationHost : IAsyncDisposable
{
    IGrainFactory Grains { get; }
    string Description { get; }
}
