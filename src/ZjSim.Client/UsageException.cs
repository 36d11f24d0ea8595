namespace ZjSim.Client;

/// <summary>Bad input from the command line or the file system: one message, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
