using Orleans.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace ZjSim.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>Grain storage of the industry brains' records (in memory: a run's results live as long as its silos).</summary>
    public const string BrainStorage = "zjsim-brains";

    /// <summary>Registers what ZjSim's grains need in a silo (embedded, standalone or test).</summary>
    public static ISiloBuilder AddZjSim(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<WorldCache>();
        silo.AddMemoryGrainStorage(BrainStorage);
        // A replication at enterprise granularity can take minutes; the default 30 s would cut it off.
        silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        return silo;
    }
}
