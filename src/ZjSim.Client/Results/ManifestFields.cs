using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZjSim.Client.Results;

/// <summary>
/// Typed reads of a manifest's fields by dotted path. A field that is missing or of the wrong type (a string where
/// a number belongs, a number too large for its type) is one <see cref="UsageException"/> naming manifest.json and the field.
/// </summary>
public sealed class ManifestFields(JsonObject manifest, string path)
{
    public JsonObject Manifest => manifest;
    public string Path => path;

    public JsonNode? Node(string field)
    {
        JsonNode? node = manifest;
        foreach (var key in field.Split('.'))
            node = node is JsonObject o && o.TryGetPropertyValue(key, out var child) ? child : null;
        return node;
    }

    public bool Has(string field) => Node(field) is not null;

    public string Text(string field) => Value<string>(field, "a string");
    public string? OptionalText(string field) => Has(field) ? Text(field) : null;
    public int Int(string field) => Value<int>(field, "a whole number");
    public ulong ULong(string field) => Value<ulong>(field, "a whole number from 0 to 18446744073709551615");
    public double Double(string field) => Value<double>(field, "a number") is var d && double.IsFinite(d) ? d : throw Bad(field, "a finite number");
    public bool Bool(string field, bool missing) => Has(field) ? Value<bool>(field, "true or false") : missing;

    public JsonObject Object(string field) => Node(field) as JsonObject ?? throw Bad(field, "an object");
    public JsonArray Array(string field) => Node(field) as JsonArray ?? throw Bad(field, "a list");

    /// <summary>A list of strings (scenario names, source folders).</summary>
    public string[] Texts(string field) =>
        Array(field).Select((n, i) => n is JsonValue v && v.TryGetValue(out string? s) ? s : throw Bad($"{field}[{i}]", "a string")).ToArray();

    /// <summary>The [first, last] pair of "years".</summary>
    public (int First, int Last) Years()
    {
        var years = Array("years");
        if (years.Count != 2 || years[0] is not JsonValue a || !a.TryGetValue(out int first) || years[1] is not JsonValue b || !b.TryGetValue(out int last))
            throw Bad("years", "a list of two years, [first, last]");
        if (first > last) throw Bad("years", "a list [first, last] with first <= last");
        return (first, last);
    }

    public T Deserialize<T>(string field, JsonSerializerOptions options)
    {
        var node = Node(field) ?? throw Missing(field);
        try { return node.Deserialize<T>(options) ?? throw Bad(field, "not null"); }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new UsageException($"{path}: field '{field}' is malformed ({e.Message.Split(". Path:")[0]})");
        }
    }

    private T Value<T>(string field, string kind)
    {
        var node = Node(field) ?? throw Missing(field);
        return node is JsonValue v && v.TryGetValue(out T? value) && value is not null ? value : throw Bad(field, kind);
    }

    private UsageException Missing(string field) => new($"{path}: field '{field}' is missing");

    public UsageException Bad(string field, string kind)
    {
        string got = Node(field)?.ToJsonString() ?? "null";
        if (got.Length > 40) got = got[..40] + "…";
        return new UsageException($"{path}: field '{field}' must be {kind} (got {got})");
    }
}
