namespace ZjSim.Client.Output;

/// <summary>
/// The output folder of a run, written atomically: files go to a hidden staging folder beside it and the
/// staging folder is renamed into place only when every file is complete. A failed or cancelled run
/// leaves nothing in DIR.
/// </summary>
public sealed class RunFolder : IDisposable
{
    private bool _committed;

    public string FinalPath { get; }
    public string StagingPath { get; }

    private RunFolder(string finalPath, string stagingPath) { FinalPath = finalPath; StagingPath = stagingPath; }

    /// <summary>Checks DIR can be written (before the run starts, so bad input fails fast) and reserves staging.</summary>
    public static RunFolder Reserve(string? requested, string defaultName)
    {
        string shown = requested ?? Path.Combine("runs", defaultName);
        string full = Path.GetFullPath(shown);
        if (File.Exists(full)) throw new UsageException($"--out {shown}: is a file, not a folder");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new UsageException($"--out {shown}: already exists and is not empty; choose a new folder so no earlier run is overwritten");
        string parent = Path.GetDirectoryName(full) ?? throw new UsageException($"--out {shown}: has no parent folder");
        string staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
            string probe = Path.Combine(staging, ".probe");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(staging);
            throw new UsageException($"--out {shown}: cannot write there ({e.Message})");
        }
        return new RunFolder(full, staging);
    }

    /// <summary>Writes a file (a relative path; folders are created) into the staging folder.</summary>
    public void Write(string fileName, Action<TextWriter> write)
    {
        string path = Path.Combine(StagingPath, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        writer.NewLine = "\n";
        write(writer);
    }

    public void WriteBytes(string fileName, byte[] bytes)
    {
        string path = Path.Combine(StagingPath, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    public void Commit()
    {
        if (Directory.Exists(FinalPath)) Directory.Delete(FinalPath);   // empty, checked in Reserve
        Directory.Move(StagingPath, FinalPath);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed) TryDelete(StagingPath);
    }

    private static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
