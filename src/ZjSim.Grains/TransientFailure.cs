using Orleans.Persistence.Redis;
using Orleans.Runtime.Messaging;
using Orleans.Storage;
using StackExchange.Redis;
using ZjSim.GrainInterfaces;

namespace ZjSim.Grains;

/// <summary>
/// Which failures come from the cluster rather than the model: a silo or gateway that died, a message the
/// runtime rejected, a time-out, Redis out of reach. A step that failed so can be redone; any other failure
/// (a bug, bad parameters) would fail again and is reported instead.
/// </summary>
public static class TransientFailure
{
    public static bool Is(Exception e) => e switch
    {
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(Is),
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException
            or GatewayTooBusyException or ClientNotAvailableException or OrleansLifecycleCanceledException => true,
        TimeoutException or RedisException or RedisStorageException => true,
        // A storage write that lost a race with another activation of the same grain: the next attempt reads afresh.
        InconsistentStateException => true,
        // A replication's grain came back without its state: the replication starts over.
        ReplicationStateLostException => true,
        // The runtime's own failures (forwarding to a dead activation, a directory in flux) are plain
        // OrleansExceptions; subclasses such as WrappedException carry application errors.
        _ => e.GetType() == typeof(OrleansException),
    };

    /// <summary>
    /// One short line for a retry notice: the exception's kind and the gist of its message (the runtime nests
    /// "…Exception: " prefixes and appends advice; neither helps a reader of the notice).
    /// </summary>
    public static string Describe(Exception e)
    {
        var inner = e is AggregateException { InnerExceptions.Count: > 0 } a ? a.InnerExceptions[0] : e;
        string message = inner.Message.Split('\n', 2)[0].Trim();
        int nested = message.LastIndexOf("Exception: ", StringComparison.Ordinal);
        if (nested >= 0) message = message[(nested + "Exception: ".Length)..];
        foreach (string cut in new[] { ". See ", ", will retry", ". About to" })
        {
            int at = message.IndexOf(cut, StringComparison.Ordinal);
            if (at > 0) message = message[..at];
        }
        if (message.Length > 120) message = message[..117] + "...";
        return $"{inner.GetType().Name}: {message.TrimEnd('.')}";
    }
}
