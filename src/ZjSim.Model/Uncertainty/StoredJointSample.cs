using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Uncertainty;

/// <summary>
/// A joint sample as it travels to the silos: its JSON once, under the SHA-256 of that JSON (its key), while a run's
/// parameters name it by the key alone (<c>"joint_sample": {"stored": KEY}</c>). A posterior's thousand rows are about
/// 1.2 MB; carried in every request they went with every call that carries the request and into every run's stored
/// state. By key, each silo fetches them once, however many runs or experiment points share them.
/// </summary>
public sealed record StoredJointSample(string Key, string Json)
{
    public const string ReferenceKey = "stored";

    // Per sample object (a `with` copy is a new object and gets its own entry), so a scenario's points share one serialisation.
    private static readonly ConditionalWeakTable<JointSample, StoredJointSample> OfSample = new();
    // The client's recent samples by key, for the code that stores them in the cluster before a run starts.
    private static readonly ConcurrentDictionary<string, StoredJointSample> Recent = new();
    private static readonly ConcurrentQueue<string> RecentOrder = new();
    private const int RecentCapacity = 64;

    /// <summary>The stored form of <paramref name="sample"/>, made once per sample object.</summary>
    public static StoredJointSample Of(JointSample sample)
    {
        var stored = OfSample.GetValue(sample, s => FromJson(s.ToJson().ToJsonString(ConfigJson.Options)));
        if (Recent.TryAdd(stored.Key, stored))
        {
            RecentOrder.Enqueue(stored.Key);
            while (RecentOrder.Count > RecentCapacity && RecentOrder.TryDequeue(out var old)) Recent.TryRemove(old, out _);
        }
        return stored;
    }

    /// <summary>A sample made by <see cref="Of"/> in this process, by key, or null (long gone, or never made here).</summary>
    public static StoredJointSample? Find(string key) => Recent.GetValueOrDefault(key);

    public static StoredJointSample FromJson(string json) => new(KeyOf(json), json);

    public static string KeyOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>The reference a run's parameters carry in place of the sample.</summary>
    public JsonObject Reference() => new() { [ReferenceKey] = Key };

    /// <summary>The key of a joint-sample node that is a reference, or null (it holds the sample itself).</summary>
    public static string? ReferencedKey(JsonObject jointNode) =>
        jointNode.Count == 1 && jointNode[ReferenceKey] is JsonValue v && v.TryGetValue<string>(out var key) ? key : null;

    /// <summary>The sample, after checking that the JSON is the one its key names.</summary>
    public JointSample Sample()
    {
        if (KeyOf(Json) != Key) throw new InvalidOperationException($"the stored joint sample {Key} does not match its key");
        return JointSample.FromJson((JsonObject)JsonNode.Parse(Json)!);
    }
}
