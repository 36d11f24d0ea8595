using System.Globalization;
using CsvHelper;

namespace ZjSim.Client.Output;

/// <summary>
/// The one CSV dialect of a saved run (RFC 4180, comma, LF line ends), written and read by the same library
/// (CsvHelper), so whatever is written (a scenario named <c>my,scen</c>) reads back. Numbers are written as
/// the shortest text that reads back to the same double (<see cref="ResultFiles.Number"/>).
/// </summary>
public static class RunCsv
{
    private static readonly CsvWriterOptions WriteOptions = new()
    {
        Separator = ',',
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    private static readonly CsvReaderOptions ReadOptions = new()
    {
        Separator = ',',
        HasHeader = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        MissingField = CsvMissingFieldHandling.Throw,
        TrackLineNumbers = true,
        FormatProvider = CultureInfo.InvariantCulture,
        DetectSeparatorHint = false,
    };

    /// <summary>A writer over <paramref name="w"/> (left open); dispose it to flush.</summary>
    public static CsvWriter Writer(TextWriter w) => CsvWriter.Create(w, WriteOptions, leaveOpen: true);

    /// <summary>
    /// The records of <paramref name="path"/>, after checking its header is <paramref name="header"/> (or starts
    /// with it, when <paramref name="extraColumns"/>). Every problem is a <see cref="UsageException"/> naming the file and line.
    /// </summary>
    public static IEnumerable<CsvRecordView> Read(string path, IReadOnlyList<string> header, bool extraColumns = false)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: missing from the run folder");
        RegularFileCheck(path);
        CsvReader reader;
        try { reader = CsvReader.FromFile(path, ReadOptions); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot be read ({e.Message})");
        }
        using (reader)
        {
            string[] names = Guard(path, reader, () => reader.Headers.ToArray());
            bool matches = extraColumns ? names.Length >= header.Count && names.Take(header.Count).SequenceEqual(header) : names.SequenceEqual(header);
            if (!matches) throw new UsageException($"{path}: line 1: header is not '{string.Join(',', header)}{(extraColumns ? ",..." : "")}'");
            while (Guard(path, reader, reader.Read))
            {
                long line = reader.LineNumber;
                var fields = Guard(path, reader, () => Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
                yield return new CsvRecordView(path, line, names, fields);
            }
        }
    }

    private static T Guard<T>(string path, CsvReader reader, Func<T> read)
    {
        try { return read(); }
        catch (CsvFormatException e)
        {
            long line = e.LineNumber > 0 ? e.LineNumber : reader.LineNumber;
            throw new UsageException($"{path}: line {line}: {FirstLine(e.Message)}");
        }
        catch (Exception e) when (e is IOException or System.Text.DecoderFallbackException or InvalidDataException or IndexOutOfRangeException or ArgumentException)
        {
            throw new UsageException($"{path}: line {reader.LineNumber}: cannot be read ({FirstLine(e.Message)})");
        }
    }

    /// <summary>A FIFO or device in a run folder would hang or never end: only regular files are read.</summary>
    private static void RegularFileCheck(string path)
    {
        if (!Model.Scenarios.RegularFile.Is(path)) throw new UsageException($"{path}: is not a regular file");
    }

    private static string FirstLine(string message) => message.ReplaceLineEndings(" ").TrimEnd('.');
}

/// <summary>One record of a saved run's CSV: its fields, read with errors that name the file, line and column.</summary>
public sealed class CsvRecordView(string path, long line, string[] names, string[] fields)
{
    public long Line => line;
    public int Count => fields.Length;

    public string Text(int i) => fields[i];

    public int Int(int i) =>
        int.TryParse(fields[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v
        : throw Bad(i, "is not a whole number in range");

    /// <summary>A finite number: NaN and infinities are never written, so reading one means the file was altered.</summary>
    public double Double(int i)
    {
        if (!double.TryParse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            throw Bad(i, "is not a number");
        return double.IsFinite(v) ? v : throw Bad(i, "is not a finite number");
    }

    public bool Bool(int i) => fields[i] switch
    {
        "true" => true,
        "false" => false,
        _ => throw Bad(i, "is not true or false"),
    };

    private UsageException Bad(int i, string problem)
    {
        string value = fields[i].Length > 40 ? fields[i][..40] + "…" : fields[i];
        return new UsageException($"{path}: line {line}: {names[i]} '{value}' {problem}");
    }
}
