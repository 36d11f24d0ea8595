namespace ZjSim.Client.Commands;

/// <summary>What `zjsim compare` was asked for: scenarios to simulate, or saved run folders to read.</summary>
public sealed record CompareOptions(IReadOnlyList<string> Scenarios, IReadOnlyList<string> From, RunOptions Run);
