namespace ZjSim.Client.Hosting;

/// <summary>The cluster named by --cluster cannot be reached (Redis down, no silo up): one message, exit code 2.</summary>
public sealed class ClusterUnreachableException(string message) : Exception(message);
