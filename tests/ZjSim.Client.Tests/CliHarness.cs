using Spectre.Console;
using ZjSim.TestSupport;

namespace ZjSim.Client.Tests;

/// <summary>Runs `zjsim` in-process with captured stdout and stderr, against the repository's config/.</summary>
public sealed class CliHarness : IDisposable
{
    public string Temp { get; } = Directory.CreateTempSubdirectory("zjsim-cli-").FullName;
    /// <summary>The --config every command gets (a test may point it at an altered copy).</summary>
    public string Config { get; set; } = ConfigDir;
    public static string ConfigDir => ConfigFolder.Path;

    public sealed record Result(int ExitCode, string Out, string Error);

    public Task<Result> Run(params string[] args) => Run(CancellationToken.None, args);

    public Task<Result> Run(CancellationToken cancellation, params string[] args) => Run(null, cancellation, args);

    public Task<Result> Run(Func<ZjSim.Hosting.Telemetry.TelemetryOptions, ZjSim.Hosting.Telemetry.TelemetryOptions>? telemetry,
        CancellationToken cancellation, params string[] args) => Run(telemetry, new StringWriter(), cancellation, args);

    /// <summary>Runs with stdout going to <paramref name="output"/>, which a test may watch (for progress, say).</summary>
    public async Task<Result> Run(Func<ZjSim.Hosting.Telemetry.TelemetryOptions, ZjSim.Hosting.Telemetry.TelemetryOptions>? telemetry,
        StringWriter output, CancellationToken cancellation, params string[] args)
    {
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 80;
        int code = await Cli.RunAsync([.. args, "--config", Config], console, error, cancellation, telemetry);
        return new Result(code, output.ToString(), error.ToString());
    }

    public string Path(string name) => System.IO.Path.Combine(Temp, name);

    /// <summary>Copies the repository's config/ to <paramref name="to"/> (to alter a file in it).</summary>
    public static string CopyConfig(string to)
    {
        foreach (var file in Directory.GetFiles(ConfigDir, "*", SearchOption.AllDirectories))
        {
            string copy = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(ConfigDir, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        return to;
    }

    public void Dispose() => Directory.Delete(Temp, recursive: true);
}
