using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace ZjSim.Model.Scenarios;

/// <summary>
/// The parameter keys the code accepts, read off <see cref="ModelParameters"/> by reflection with the JSON
/// naming (snake_case): which type stands at a dotted path, and every key, for the documentation check.
/// </summary>
public static class ParameterSchema
{
    /// <summary>The CLR type of the value at a dotted path (list positions and map keys included), or null if none.</summary>
    public static Type? TypeAt(string path)
    {
        Type type = typeof(ModelParameters);
        foreach (var segment in ParameterPath.Segments(path))
        {
            if (MapValue(type) is Type value) type = value;               // a map's keys are data: any key
            else if (segment is int && Element(type) is Type element) type = element;
            else if (segment is string key && Properties(type).FirstOrDefault(p => p.Key == key).Property is PropertyInfo property)
                type = property.PropertyType;
            else return null;
        }
        return type;
    }

    /// <summary>
    /// Every key as MODEL.md writes it: objects and their fields, <c>[]</c> for "every entry of this list",
    /// maps without their (data) keys.
    /// </summary>
    public static IReadOnlyList<string> Keys()
    {
        var keys = new List<string>();
        void Walk(Type type, string path)
        {
            foreach (var (key, property) in Properties(type))
            {
                string child = ParameterPath.Child(path, key);
                keys.Add(child);
                var t = property.PropertyType;
                if (MapValue(t) is not null) continue;
                if (Element(t) is Type element) { if (IsRecord(element)) Walk(element, child + "[]"); }
                else if (IsRecord(t)) Walk(t, child);
            }
        }
        Walk(typeof(ModelParameters), "");
        return keys;
    }

    private static IEnumerable<(string Key, PropertyInfo Property)> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is not null && !IsPrimitive(type))
            .Select(p => (JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p));

    private static Type? MapValue(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? t.GetGenericArguments()[1] : null;

    private static Type? Element(Type t) =>
        t.IsArray ? t.GetElementType()
        : t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>) ? t.GetGenericArguments()[0]
        : null;

    private static bool IsPrimitive(Type t) => t.IsPrimitive || t.IsEnum || t == typeof(string) || typeof(IEnumerable).IsAssignableFrom(t);

    private static bool IsRecord(Type t) => t.IsClass && !IsPrimitive(t);
}
