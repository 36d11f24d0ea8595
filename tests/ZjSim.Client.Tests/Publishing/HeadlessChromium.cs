using System.Diagnostics;

namespace ZjSim.Client.Tests.Publishing;

/// <summary>
/// Debian's chromium, run headless on a local file: what a researcher's browser would show. Missing chromium is a
/// failure with the install command, not a skip (.ci/run installs it).
/// </summary>
public static class HeadlessChromium
{
    public static string Executable { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists) ?? "";

    public static void Require() => Assert.True(Executable.Length > 0,
        "chromium is not installed: the report test renders report.html in Debian's headless chromium; install it with `apt-get update && apt-get install -y chromium` (.ci/run does)");

    /// <summary>The DOM after the page has loaded and laid out (--dump-dom).</summary>
    public static async Task<string> DumpDom(string htmlFile)
    {
        var (code, stdout, stderr) = await Run("--dump-dom", new Uri(htmlFile).AbsoluteUri);
        Assert.True(code == 0, $"chromium --dump-dom exited {code}: {stderr}");
        return stdout;
    }

    public static async Task Screenshot(string htmlFile, string png, int width, int height)
    {
        var (code, _, stderr) = await Run($"--screenshot={png}", $"--window-size={width},{height}", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);
        Assert.True(code == 0 && File.Exists(png), $"chromium --screenshot exited {code}: {stderr}");
    }

    private static async Task<(int Code, string Out, string Error)> Run(params string[] args)
    {
        Require();
        string profile = Directory.CreateTempSubdirectory("zjsim-chromium-").FullName;
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Root in CI needs --no-sandbox; the profile folder keeps parallel runs apart; no network is needed.
        foreach (var a in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}" }.Concat(args))
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung browser, not a wait for progress: the process is awaited to its exit.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try { await process.WaitForExitAsync(guard.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 3 minutes");
        }
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        return (process.ExitCode, await stdout, await stderr);
    }
}
