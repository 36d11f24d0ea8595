using Microsoft.Extensions.Hosting;

namespace ZjSim.Hosting;

/// <summary>
/// The lifetime of a host that lives inside a command (the embedded silo, the connection to a service): it
/// listens to no signal. The generic host's console lifetime would stop the silo on Ctrl+C or SIGTERM while the
/// command is still cancelling its run on it; here the command handles the signal and stops the host afterwards.
/// </summary>
internal sealed class ClientOwnedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
