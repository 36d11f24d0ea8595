using System.Runtime.InteropServices;

namespace ZjSim.Client;

public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The simulation itself failed (a replication threw, the silo died).</summary>
    public const int Failed = 1;
    /// <summary>Bad input: malformed or unknown scenario, out-of-range parameter, unwritable output.</summary>
    public const int BadInput = 2;
    /// <summary>Stopped by Ctrl+C (SIGINT, 128 + 2); finished replications are kept, marked partial.</summary>
    public const int Cancelled = 130;
    /// <summary>Stopped by SIGHUP (128 + 1), the terminal closed.</summary>
    public const int Hangup = 129;
    /// <summary>Stopped by SIGTERM (128 + 15): kill, systemd, a container stop, a CI time-out.</summary>
    public const int Terminated = 143;

    /// <summary>The exit code of a command cancelled by <paramref name="signal"/> (130 when not by a signal).</summary>
    public static int ForSignal(PosixSignal? signal) => signal switch
    {
        PosixSignal.SIGTERM => Terminated,
        PosixSignal.SIGHUP => Hangup,
        _ => Cancelled,
    };
}
