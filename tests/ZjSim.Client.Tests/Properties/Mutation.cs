using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace ZjSim.Client.Tests.Properties;

/// <summary>
/// One damage done to a file's bytes: deleting, duplicating, retyping, truncating or re-encoding a field or a line.
/// Positions are fractions, so one generated mutation applies to a file of any length.
/// </summary>
public abstract record Mutation
{
    public abstract byte[] Apply(byte[] original);

    public sealed record DeleteLine(double At) : Mutation
    {
        public override byte[] Apply(byte[] b) => Lines(b, l => { if (l.Count > 0) l.RemoveAt(Index(At, l.Count)); });
    }

    public sealed record DuplicateLine(double At) : Mutation
    {
        public override byte[] Apply(byte[] b) => Lines(b, l => { if (l.Count > 0) { int i = Index(At, l.Count); l.Insert(i, l[i]); } });
    }

    /// <summary>Cuts the file short, often in the middle of a field or a quoted value.</summary>
    public sealed record Truncate(double At) : Mutation
    {
        public override byte[] Apply(byte[] b) => b[..(int)(At * b.Length)];
    }

    /// <summary>Replaces one comma-separated field of one line (CSV) with a hostile value.</summary>
    public sealed record RetypeField(double Line, double Field, string Value) : Mutation
    {
        public override byte[] Apply(byte[] b) => Lines(b, l =>
        {
            if (l.Count == 0) return;
            int i = Index(Line, l.Count);
            var fields = l[i].Split(',');
            fields[Index(Field, fields.Length)] = Value;
            l[i] = string.Join(',', fields);
        });
    }

    /// <summary>Replaces the value at one JSON path with another type, or removes it.</summary>
    public sealed record RetypeJson(double At, string? Replacement) : Mutation
    {
        public override byte[] Apply(byte[] b) => Json(b, (root, path, parent, key) =>
        {
            switch (parent, key)
            {
                case (JsonObject o, string k) when Replacement is null: o.Remove(k); break;
                case (JsonArray a, int i) when Replacement is null: a.RemoveAt(i); break;
                case (JsonObject o, string k): o[k] = Parse(Replacement); break;
                case (JsonArray a, int i): a[i] = Parse(Replacement); break;
            }
        }, At);
    }

    /// <summary>Gives a key of one JSON object twice.</summary>
    public sealed record DuplicateKey(double At) : Mutation
    {
        public override byte[] Apply(byte[] b)
        {
            var root = TryParse(b);
            if (root is null) return b;
            var objects = Walk(root).Where(x => x.Node is JsonObject { Count: > 0 }).Select(x => (JsonObject)x.Node!).ToList();
            if (objects.Count == 0) return b;
            var target = objects[Index(At, objects.Count)];
            var (key, value) = target.First();
            string marker = $"\"zz-duplicate-{Guid.NewGuid():N}\"";
            target[marker.Trim('"')] = 0;
            string text = root.ToJsonString();
            return Encoding.UTF8.GetBytes(text.Replace($"{marker}:0", $"{System.Text.Json.JsonSerializer.Serialize(key)}:{value?.ToJsonString() ?? "null"}"));
        }
    }

    /// <summary>Re-encodes the file: UTF-16 with a byte-order mark, Latin-1, or a stray invalid UTF-8 byte.</summary>
    public sealed record Reencode(int How, double At) : Mutation
    {
        public override byte[] Apply(byte[] b)
        {
            string text = Encoding.UTF8.GetString(b);
            return How switch
            {
                0 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
                1 => Encoding.Latin1.GetBytes(text.Replace("e", "é")),
                _ => [.. b[..(int)(At * b.Length)], 0xC3, 0x28, .. b[(int)(At * b.Length)..]],
            };
        }
    }

    public static readonly string[] HostileFields = ["", "x", "NaN", "Infinity", "-Infinity", "1e400", "99999999999", "-1", "\"", "a,b", "\"open", "1.5", "true", "０"];
    public static readonly string?[] HostileJson = [null, "\"x\"", "null", "true", "[]", "{}", "-1", "0", "1.5", "1e400", "[null]", "{\"dist\":\"normal\"}", "99999999999999999999"];

    private static readonly Gen<double> Fraction = Gen.Double[0, 0.999999];

    /// <summary>Mutations for a CSV file (lines and fields) or any text.</summary>
    public static readonly Gen<Mutation> ForCsv = Gen.Frequency(
        (2, Fraction.Select(f => (Mutation)new DeleteLine(f))),
        (2, Fraction.Select(f => (Mutation)new DuplicateLine(f))),
        (2, Fraction.Select(f => (Mutation)new Truncate(f))),
        (6, Gen.Select(Fraction, Fraction, Gen.OneOf(HostileFields), (l, f, v) => (Mutation)new RetypeField(l, f, v))),
        (1, Gen.Select(Gen.Int[0, 2], Fraction, (h, f) => (Mutation)new Reencode(h, f))));

    /// <summary>Mutations for a JSON file: fields deleted, retyped or given twice, and text cut or re-encoded.</summary>
    public static readonly Gen<Mutation> ForJson = Gen.Frequency(
        (8, Gen.Select(Fraction, Gen.OneOf<string?>(HostileJson), (f, v) => (Mutation)new RetypeJson(f, v))),
        (2, Fraction.Select(f => (Mutation)new DuplicateKey(f))),
        (1, Fraction.Select(f => (Mutation)new DeleteLine(f))),
        (1, Fraction.Select(f => (Mutation)new DuplicateLine(f))),
        (2, Fraction.Select(f => (Mutation)new Truncate(f))),
        (1, Gen.Select(Gen.Int[0, 2], Fraction, (h, f) => (Mutation)new Reencode(h, f))));

    private static int Index(double at, int count) => Math.Min(count - 1, (int)(at * count));

    private static byte[] Lines(byte[] b, Action<List<string>> change)
    {
        var lines = Encoding.UTF8.GetString(b).Split('\n').ToList();
        change(lines);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    private static JsonNode? TryParse(byte[] b)
    {
        try
        {
            return JsonNode.Parse(b, documentOptions: new System.Text.Json.JsonDocumentOptions
            {
                CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true,
            });
        }
        catch (System.Text.Json.JsonException) { return null; }
    }

    private static JsonNode? Parse(string text) => JsonNode.Parse(text);

    private static byte[] Json(byte[] b, Action<JsonNode, string, JsonNode, object> change, double at)
    {
        var root = TryParse(b);
        if (root is null) return b;
        var nodes = Walk(root).Where(x => x.Parent is not null).ToList();
        if (nodes.Count == 0) return b;
        var (path, _, parent, key) = nodes[Index(at, nodes.Count)];
        change(root, path, parent!, key!);
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static IEnumerable<(string Path, JsonNode? Node, JsonNode? Parent, object? Key)> Walk(JsonNode? node, string path = "$", JsonNode? parent = null, object? key = null)
    {
        yield return (path, node, parent, key);
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                    foreach (var x in Walk(v, $"{path}.{k}", o, k)) yield return x;
                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                    foreach (var x in Walk(a[i], $"{path}[{i}]", a, i)) yield return x;
                break;
        }
    }
}
