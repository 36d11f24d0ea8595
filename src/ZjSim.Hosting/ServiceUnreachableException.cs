namespace ZjSim.Hosting;

/// <summary>The service named by --cluster cannot be reached (Redis down, no silo up): one message, exit code 2.</summary>
public sealed class ServiceUnreachableException(string message) : Exception(message);
