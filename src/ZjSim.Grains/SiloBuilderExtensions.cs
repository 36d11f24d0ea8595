using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Storage;

namespace ZjSim.Grains;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Registers what ZjSim's grains need in a silo (embedded, standalone or test). The run state goes to
    /// <paramref name="storage"/>, which registers a grain storage named <see cref="ServiceNames.Storage"/>;
    /// by default an in-memory one, which is enough for a single silo.
    /// </summary>
    public static ISiloBuilder AddZjSim(this ISiloBuilder silo, Action<ISiloBuilder>? storage = null)
    {
        silo.Services.AddSingleton<WorldCache>();
        silo.Services.AddSingleton<StateArrayPool>();
        // One trace from the client's command down to the grain calls.
        silo.AddActivityPropagation();
        // A replication at enterprise granularity can take minutes; the default 30 s would cut it off.
        silo.Services.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromMinutes(30));
        // Orleans' binary serializer for run state: it keeps every double bit for bit (NaN, -0 included)
        // and carries model types through their surrogates, where the default JSON would not.
        silo.Services.AddKeyedSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>(ServiceNames.Storage);
        if (storage is null) silo.AddMemoryGrainStorage(ServiceNames.Storage);
        else storage(silo);
        return silo;
    }
}
