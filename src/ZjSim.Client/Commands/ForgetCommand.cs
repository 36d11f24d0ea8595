using Spectre.Console;
using ZjSim.GrainInterfaces;
using ZjSim.Hosting;

namespace ZjSim.Client.Commands;

/// <summary>
/// `zjsim --cluster ADDR forget RUN_ID`: removes a finished run's state and outcomes from the service's storage
/// (Redis), so a long-lived service does not grow with every run. Its saved folder, if any, is left alone.
/// </summary>
public static class ForgetCommand
{
    public static async Task<int> ExecuteAsync(string runId, string? cluster, IAnsiConsole console, TextWriter error, CancellationToken cancellation)
    {
        if (cluster is null)
        {
            error.WriteLine("zjsim forget: needs --cluster redis://HOST:PORT (a run on the embedded silo ends with its process)");
            return ExitCodes.BadInput;
        }
        try
        {
            await using var host = await SimulationHosts.StartAsync(cluster, null, cancellation);
            var outcome = await host.Grains.GetGrain<IRunRegistryGrain>(0).Forget(runId);
            string service = SimulationHosts.Shown(cluster);
            switch (outcome)
            {
                case ForgetOutcome.Forgotten:
                    console.MarkupLine($"Forgot run [bold]{Markup.Escape(runId)}[/]: its state and outcomes are gone from the cluster at {Markup.Escape(service)}");
                    return ExitCodes.Ok;
                case ForgetOutcome.Running:
                    error.WriteLine($"zjsim forget: run '{runId}' has not finished; forget it once it has ('zjsim --cluster {service} attach {runId}' follows it)");
                    return ExitCodes.BadInput;
                default:
                    error.WriteLine($"zjsim forget: the cluster at {service} has no run '{runId}'");
                    return ExitCodes.BadInput;
            }
        }
        catch (Exception e) when (e is ServiceUnreachableException or UsageException)
        {
            error.WriteLine($"zjsim forget: {e.Message}");
            return ExitCodes.BadInput;
        }
    }
}
