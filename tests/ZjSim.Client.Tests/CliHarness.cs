using Spectre.Console;
using ZjSim.TestSupport;

namespace ZjSim.Client.Tests;

/// <summary>Runs `zjsim` in-process with captured stdout and stderr, against the repository's config/.</summary>
public sealed class CliHarness : IDisposable
{
    public string Temp { get; } = Directory.CreateTempSubdirectory("zjsim-cli-").FullName;
    public static string ConfigDir => ConfigFolder.Path;

    public sealed record Result(int ExitCode, string Out, string Error);

    public Task<Result> Run(params string[] args) => Run(CancellationToken.None, args);

    public Task<Result> Run(CancellationToken cancellation, params string[] args) => Run(null, cancellation, args);

    public async Task<Result> Run(Func<ZjSim.Hosting.Telemetry.TelemetryOptions, ZjSim.Hosting.Telemetry.TelemetryOptions>? telemetry,
        CancellationToken cancellation, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 80;
        int code = await Cli.RunAsync([.. args, "--config", ConfigDir], console, error, cancellation, telemetry);
        return new Result(code, output.ToString(), error.ToString());
    }

    public string Path(string name) => System.IO.Path.Combine(Temp, name);

    public void Dispose() => Directory.Delete(Temp, recursive: true);
}
