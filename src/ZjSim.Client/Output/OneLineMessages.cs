using System.Text;

namespace ZjSim.Client.Output;

/// <summary>
/// The error stream as the commands see it: each message written with WriteLine stays one line, even when it
/// quotes a damaged file (a JSON parser's message can hold the file's own line breaks).
/// </summary>
public sealed class OneLineMessages(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;
    public override void Write(char value) => inner.Write(value);
    public override void Write(string? value) => inner.Write(Flatten(value));
    public override void WriteLine(string? value) => inner.WriteLine(Flatten(value));
    public override void WriteLine() => inner.WriteLine();
    public override void Flush() => inner.Flush();

    private static string? Flatten(string? value) => value?.ReplaceLineEndings(" ").Replace('\u2028', ' ').Replace('\u2029', ' ');
}
