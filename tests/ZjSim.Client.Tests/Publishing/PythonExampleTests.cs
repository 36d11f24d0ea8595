using System.Diagnostics;

namespace ZjSim.Client.Tests.Publishing;

/// <summary>
/// examples/load_compare.py runs on Debian's python3 (python3-pandas, python3-matplotlib; .ci/run installs them)
/// against a real compare and rebuilds its goal table exactly (--check), and the notebook's code cells compile.
/// </summary>
public sealed class PythonExampleTests(PublishingFixture fixture) : IClassFixture<PublishingFixture>
{
    private const string Python = "/usr/bin/python3";
    private static string Repo => Path.GetDirectoryName(CliHarness.ConfigDir)!;

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        Assert.True(File.Exists(Python), "Debian's python3 is missing: apt-get install -y python3-pandas python3-matplotlib (.ci/run does)");
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["MPLCONFIGDIR"] = Directory.CreateTempSubdirectory("zjsim-mpl-").FullName;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    [Fact]
    public async Task The_pandas_example_rebuilds_the_compare_goal_table_and_draws_its_chart()
    {
        Assert.True(fixture.CompareResult.ExitCode == 0, fixture.CompareResult.Error);
        string chart = fixture.Cli.Path("python-goals.png");
        var (code, output, error) = await Run(Path.Combine(Repo, "examples", "load_compare.py"), fixture.Compare, "--check", "--chart", chart);
        Assert.True(code == 0, $"load_compare.py exited {code}:\n{output}\n{error}" +
            (error.Contains("No module named") ? "\ninstall Debian's python3-pandas and python3-matplotlib (.ci/run does)" : ""));
        Assert.Contains($"goal table: {11 * PublishingFixture.Scenarios.Length} rows agree with comparison.json", output);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(chart)[..4]);
    }

    [Fact]
    public async Task The_notebooks_code_cells_are_valid_python()
    {
        string notebook = Path.Combine(Repo, "examples", "load_compare.ipynb");
        var (code, output, error) = await Run("-c",
            "import json,sys\nnb=json.load(open(sys.argv[1]))\ncells=[''.join(c['source']) for c in nb['cells'] if c['cell_type']=='code']\n" +
            "[compile(s,'cell','exec') for s in cells]\nprint(len(cells),'cells compile')", notebook);
        Assert.True(code == 0, error);
        Assert.Contains("3 cells compile", output);
    }
}
