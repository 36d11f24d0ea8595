using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace ZjSim.Grains.Tests;

/// <summary>
/// Grain storage that every silo of an in-process test cluster shares, standing in for Redis: it outlives
/// any one silo (Orleans' memory storage lives in grains, which would die with theirs). States are kept
/// serialized, with e-tags checked like a real store's.
/// </summary>
public sealed class SharedGrainStorage(ConcurrentDictionary<string, (byte[] Data, string ETag)> store, Serializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.TryGetValue(Key(stateName, grainId), out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        string key = Key(stateName, grainId), etag = Guid.NewGuid().ToString("N");
        var data = serializer.SerializeToArray(grainState.State);
        lock (store)
        {
            string? stored = store.TryGetValue(key, out var entry) ? entry.ETag : null;
            if (stored != grainState.ETag) throw new InconsistentStateException($"e-tag mismatch on {key}", stored, grainState.ETag);
            store[key] = (data, etag);
        }
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{grainId}/{stateName}";
}
