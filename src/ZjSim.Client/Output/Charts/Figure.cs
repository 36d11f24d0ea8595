using ScottPlot;
using SkiaSharp;

namespace ZjSim.Client.Output.Charts;

/// <summary>
/// A figure for a paper: a heading, one or more panels (ScottPlot plots) and a caption line, rendered as PNG
/// and as SVG from the same drawing so the two never differ.
/// </summary>
public sealed class Figure
{
    private const int HeadingHeight = 44, CaptionHeight = 34;
    /// <summary>One sans-serif family for heading, panels and caption (Debian's fonts-dejavu-core).</summary>
    public const string FontFamily = "DejaVu Sans";

    public required string Heading { get; init; }
    public required ChartCaption Caption { get; init; }
    public required IReadOnlyList<Plot> Panels { get; init; }
    public int Columns { get; init; } = 1;
    public int Width { get; init; } = 900;
    public int Height { get; init; } = 560;

    /// <summary>Writes NAME.png and NAME.svg under <paramref name="folder"/>'s charts; returns both relative paths.</summary>
    public IReadOnlyList<string> Write(RunFolder folder, string relativePathWithoutExtension)
    {
        string png = relativePathWithoutExtension + ".png", svg = relativePathWithoutExtension + ".svg";
        folder.WriteBytes(png, Png());
        folder.WriteBytes(svg, System.Text.Encoding.UTF8.GetBytes(Svg()));
        return [png, svg];
    }

    public byte[] Png()
    {
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public string Svg()
    {
        using var stream = new MemoryStream();
        using (var managed = new SKManagedWStream(stream))
        using (var canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), managed))
            Draw(canvas);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Draw(SKCanvas canvas)
    {
        canvas.Clear(SKColors.White);
        // Panels on a grid between heading and caption; each plot draws itself into its own rectangle.
        int rows = (Panels.Count + Columns - 1) / Columns;
        float cellWidth = (float)Width / Columns, cellHeight = (float)(Height - HeadingHeight - CaptionHeight) / rows;
        for (int i = 0; i < Panels.Count; i++)
        {
            float left = i % Columns * cellWidth, top = HeadingHeight + i / Columns * cellHeight;
            // A plot paints its background over the whole canvas unless clipped to its cell.
            canvas.Save();
            canvas.ClipRect(new SKRect(left, top, left + cellWidth, top + cellHeight));
            Panels[i].Font.Set(FontFamily);
            Panels[i].Render(canvas, new PixelRect(left, left + cellWidth, top + cellHeight, top));
            canvas.Restore();
        }

        using var typeface = SKTypeface.FromFamilyName(FontFamily) ?? SKTypeface.Default;
        using var headingFont = new SKFont(SKTypeface.FromFamilyName(FontFamily, SKFontStyle.Bold) ?? typeface, 20);
        using var captionFont = new SKFont(typeface, 12.5f);
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x44, 0x44, 0x44), IsAntialias = true };
        canvas.DrawText(Heading, 14, 29, SKTextAlign.Left, headingFont, ink);
        canvas.DrawText(Caption.Text, 14, Height - 12, SKTextAlign.Left, captionFont, grey);
        canvas.Flush();
    }
}
