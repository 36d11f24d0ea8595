namespace ZjSim.Client;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The simulation itself failed (a replication threw, the silo died).</summary>
    public const int Failed = 1;
    /// <summary>Bad input: malformed or unknown scenario, out-of-range parameter, unwritable output.</summary>
    public const int BadInput = 2;
    public const int Cancelled = 130;
}
