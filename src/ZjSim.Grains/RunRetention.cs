namespace ZjSim.Grains;

/// <summary>How many finished runs a silo keeps in storage (zjsim-silo --keep-runs); null keeps them all.</summary>
public sealed class RunRetention
{
    public int? KeepRuns { get; set; }
}
