using Spectre.Console;
using ZjSim.Model;

namespace ZjSim.Client.Commands;

/// <summary>`zjsim indicators [NAME]`: what each indicator measures, its unit, and the rules that move it (the catalogue).</summary>
public static class IndicatorsCommand
{
    public static int Execute(string? name, IAnsiConsole console, TextWriter error, bool markdown = false, TextWriter? output = null)
    {
        if (markdown)
        {
            // Plain text, not through the console: it is redirected into docs/data-dictionary.md.
            (output ?? Console.Out).Write(Output.DataDictionary.Markdown());
            return ExitCodes.Ok;
        }
        IEnumerable<Indicator> chosen = Indicators.All;
        if (name is not null)
        {
            if (!Indicators.TryParse(name, out var one))
            {
                error.WriteLine($"zjsim indicators: unknown indicator '{name}' (known: {string.Join(", ", Indicators.Names)})");
                return ExitCodes.BadInput;
            }
            chosen = [one];
        }
        foreach (var i in chosen)
        {
            console.MarkupLine($"[bold]{Markup.Escape(i.Name)}[/] — {Markup.Escape(i.Title)} ({Markup.Escape(i.Unit)})");
            console.WriteLine($"  {i.Definition}");
            console.WriteLine($"  moved by {string.Join(" and ", i.MovedBy)}");
        }
        return ExitCodes.Ok;
    }
}
