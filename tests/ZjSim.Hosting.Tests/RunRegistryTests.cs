using Microsoft.Extensions.Logging;
using ZjSim.GrainInterfaces;

namespace ZjSim.Hosting.Tests;

/// <summary>
/// The run registry keeps its list in pages (a run's end writes one small page, not the whole list): the order,
/// forgetting by retention across pages, and the list read back by a new activation are those of one list.
/// </summary>
public sealed class RunRegistryTests
{
    [Fact]
    public async Task The_registry_keeps_its_runs_in_order_across_pages_and_activations()
    {
        await using var silo = await EmbeddedSilos.StartAsync(1, null, LogLevel.Error, CancellationToken.None);
        var registry = silo.Grains.GetGrain<IRunRegistryGrain>(0);
        // Run ids no run grain holds: forgetting them finds nothing to remove and carries on.
        var ids = Enumerable.Range(0, 700).Select(i => $"registry-test-{i}").ToArray();
        foreach (string id in ids) await registry.Finished(id, null);
        await registry.Finished(ids[3], null);   // a repeat is not added twice
        Assert.Equal(ids, await registry.Kept());

        // Keep the newest 300: the first two pages (256 each) empty out and go, the third loses its first 144.
        await registry.Finished("registry-test-700", 300);
        var expected = ids.Append("registry-test-700").TakeLast(300).ToArray();
        Assert.Equal(expected, await registry.Kept());
        Assert.Equal(ForgetOutcome.Unknown, await registry.Forget(expected[10]));
        expected = [.. expected.Where((_, i) => i != 10)];

        // A new activation reads the pages back.
        await silo.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(expected, await registry.Kept());
    }
}
