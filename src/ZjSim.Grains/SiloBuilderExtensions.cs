using Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace ZjSim.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>Registers what ZjSim's grains need in a silo (embedded, standalone or test).</summary>
    public static ISiloBuilder AddZjSim(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<WorldCache>();
        // One trace from the client's command down to the grain calls.
        silo.AddActivityPropagation();
        // A replication at enterprise granularity can take minutes; the default 30 s would cut it off.
        silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        return silo;
    }
}
