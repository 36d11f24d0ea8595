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
        if (requested is not null && (requested.Trim().Length == 0 || requested.Contains('\0')))
            throw new UsageException($"--out '{requested}': must name a folder");
        string shown = requested ?? Path.Combine("runs", defaultName);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(shown));
        if (File.Exists(full)) throw new UsageException($"--out {shown}: is a file, not a folder");
        if (Directory.Exists(full) && Directory.EnumerateFileSystemEntries(full).Any())
            throw new UsageException($"--out {shown}: already exists and is not empty; choose a new folder so no earlier run is overwritten");
        string parent = Path.GetDirectoryName(full) ?? throw new UsageException($"--out {shown}: has no parent folder");
        if (Path.GetFileName(full).Length == 0) throw new UsageException($"--out {shown}: must name a folder, not a file-system root");
        if (System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(full)) > StagingName.MaxNameBytes)
            throw new UsageException($"--out {shown}: the folder name is longer than {StagingName.MaxNameBytes} bytes, the file system's limit");
        StagingName.RemoveStale(parent);
        string staging = Path.Combine(parent, StagingName.For(Path.GetFileName(full), Environment.ProcessId));
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
