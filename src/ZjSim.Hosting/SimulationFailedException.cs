namespace ZjSim.Hosting;

/// <summary>A run failed in the grains, or the service was out of reach for too long to follow it.</summary>
public sealed class SimulationFailedException(string message) : Exception(message);
