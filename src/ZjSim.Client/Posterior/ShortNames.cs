namespace ZjSim.Client.Posterior;

/// <summary>
/// Parameter paths shortened for lists and axis labels: the fewest trailing dotted segments that still tell the
/// parameter apart from the others (adoption.p[0].above_size → p[0].above_size when no other path ends so).
/// </summary>
public static class ShortNames
{
    public static string[] For(IReadOnlyList<string> paths)
    {
        var segments = paths.Select(p => p.Split('.')).ToArray();
        var names = new string[paths.Count];
        for (int i = 0; i < paths.Count; i++)
        {
            for (int n = 1; n <= segments[i].Length; n++)
            {
                string tail = Tail(segments[i], n);
                bool unique = true;
                for (int j = 0; j < paths.Count && unique; j++)
                    if (j != i && Tail(segments[j], n) == tail) unique = false;
                if (unique || n == segments[i].Length) { names[i] = tail; break; }
            }
        }
        return names;
    }

    private static string Tail(string[] segments, int n) => string.Join('.', segments[Math.Max(0, segments.Length - n)..]);
}
