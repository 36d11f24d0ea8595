using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ZjSim.Client.Output;

/// <summary>
/// The hidden staging folder beside DIR, <c>.NAME.partial-PID</c>: the PID says whose it is, so a later run can
/// remove those whose process is gone (killed with SIGKILL, power cut). A long NAME is shortened (with a hash
/// of the whole, to stay unique) so the staging name never passes the file system's 255-byte limit when DIR's does not.
/// </summary>
public static partial class StagingName
{
    public const int MaxNameBytes = 255;

    public static string For(string finalName, int pid)
    {
        string suffix = $".partial-{pid}";
        string name = finalName;
        if (Encoding.UTF8.GetByteCount("." + name + suffix) > MaxNameBytes)
        {
            string hash = "~" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(finalName)))[..12];
            int budget = MaxNameBytes - Encoding.UTF8.GetByteCount("." + hash + suffix);
            var kept = new StringBuilder();
            foreach (var rune in finalName.EnumerateRunes())
            {
                if (Encoding.UTF8.GetByteCount(kept + rune.ToString()) > budget) break;
                kept.Append(rune.ToString());
            }
            name = kept + hash;
        }
        return "." + name + suffix;
    }

    /// <summary>The process id of a staging folder's name, or null if the name is not one.</summary>
    public static int? Owner(string folderName) =>
        Pattern().Match(folderName) is { Success: true } m && int.TryParse(m.Groups[1].Value, out int pid) ? pid : null;

    /// <summary>Removes the staging folders in <paramref name="parent"/> whose process no longer runs.</summary>
    public static void RemoveStale(string parent)
    {
        if (!Directory.Exists(parent)) return;
        IEnumerable<string> candidates;
        try { candidates = Directory.EnumerateDirectories(parent, ".*.partial-*").ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }
        foreach (var folder in candidates)
        {
            if (Owner(Path.GetFileName(folder)) is not int pid || pid == Environment.ProcessId || IsRunning(pid)) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }      // no such process
        catch (InvalidOperationException) { return false; }
    }

    [GeneratedRegex(@"^\..+\.partial-([0-9]+)$")]
    private static partial Regex Pattern();
}
