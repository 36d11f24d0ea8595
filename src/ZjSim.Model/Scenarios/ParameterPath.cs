using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ZjSim.Model.Scenarios;

/// <summary>
/// A dotted parameter path such as <c>adoption.p[0].key_sme</c> or <c>brains.plan.2024</c>: how messages name a
/// field, and how uncertain parameters are found and replaced in a parameter tree.
/// </summary>
public static partial class ParameterPath
{
    /// <summary>The segments of a path: object keys as strings, list positions as ints.</summary>
    public static IReadOnlyList<object> Segments(string path)
    {
        var segments = new List<object>();
        foreach (Match m in Segment().Matches(path))
            segments.Add(m.Groups[1].Success ? m.Groups[1].Value : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return segments;
    }

    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Item(string path, int index) => $"{path}[{index}]";

    /// <summary>Replaces the node at a path, which must exist.</summary>
    public static void Set(JsonNode root, string path, JsonNode? value)
    {
        var segments = Segments(path);
        JsonNode parent = root;
        for (int i = 0; i < segments.Count - 1; i++)
            parent = Step(parent, segments[i], path) ?? throw new ArgumentException($"no parameter at '{path}'");
        switch (segments[^1], parent)
        {
            case (string key, JsonObject o): o[key] = value; break;
            case (int index, JsonArray a) when index < a.Count: a[index] = value; break;
            default: throw new ArgumentException($"no parameter at '{path}'");
        }
    }

    public static JsonNode? Get(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var segment in Segments(path))
            node = node is null ? null : Step(node, segment, path);
        return node;
    }

    /// <summary>Every (path, node) of a tree, parents before children, in document order.</summary>
    public static IEnumerable<(string Path, JsonNode? Node)> Walk(JsonNode? node, string path = "")
    {
        yield return (path, node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                    foreach (var x in Walk(v, Child(path, k))) yield return x;
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                    foreach (var x in Walk(a[i], Item(path, i))) yield return x;
                break;
        }
    }

    private static JsonNode? Step(JsonNode node, object segment, string path) => (segment, node) switch
    {
        (string key, JsonObject o) => o[key],
        (int index, JsonArray a) => index < a.Count ? a[index] : null,
        _ => null,
    };

    [GeneratedRegex(@"([^.\[\]]+)|\[(\d+)\]")]
    private static partial Regex Segment();
}
