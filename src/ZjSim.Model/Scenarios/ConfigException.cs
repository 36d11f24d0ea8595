namespace ZjSim.Model.Scenarios;

/// <summary>Bad input in a configuration or scenario file: names the file and the field.</summary>
public sealed class ConfigException : Exception
{
    public string File { get; }
    public string? Field { get; }

    public ConfigException(string file, string? field, string problem)
        : base(field is null ? $"{file}: {problem}" : $"{file}: field '{field}' {problem}")
    {
        File = file;
        Field = field;
    }
}
