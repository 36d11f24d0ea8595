using ScottPlot;
using SkiaSharp;
using ZjSim.Model.Inference;

namespace ZjSim.Client.Output.Charts;

/// <summary>
/// The pairs plot of a weighted posterior: below the diagonal, each pair of parameters as a scatter of the particles
/// (darker = heavier weight); on the diagonal, each parameter's weighted histogram over its prior's range with the
/// prior's 90% interval shaded; above it, the weighted correlation. Every axis spans the prior's range, so a cloud
/// that fills its panel is one the record did not narrow.
/// </summary>
public static class PairsPlot
{
    public sealed record Axis(int Column, string Label, double Min, double Max, double PriorLow, double PriorHigh);

    private const int HeadingHeight = 44, CaptionHeight = 30, LeftMargin = 78, BottomMargin = 60, RightMargin = 18, Gap = 6, Bins = 24;

    public static byte[] Png(ParticleSet set, IReadOnlyList<Axis> axes, string heading, string caption)
    {
        int n = axes.Count;
        int cell = n <= 2 ? 320 : n <= 4 ? 240 : 190;
        int width = LeftMargin + n * cell + RightMargin, height = HeadingHeight + n * cell + BottomMargin + CaptionHeight;
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var typeface = SKTypeface.FromFamilyName(Figure.FontFamily) ?? SKTypeface.Default;
        using var bold = SKTypeface.FromFamilyName(Figure.FontFamily, SKFontStyle.Bold) ?? typeface;
        using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        using var grey = new SKPaint { Color = new SKColor(0x44, 0x44, 0x44), IsAntialias = true };

        var (alphaLevels, levelOf) = WeightLevels(set.Weights);
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++)
            {
                // The panel's rectangle; the left column and bottom row reach into the margins, where their labels go.
                float left = LeftMargin + c * cell, top = HeadingHeight + r * cell, right = left + cell, bottom = top + cell;
                float padLeft = Gap, padBottom = Gap;
                if (c == 0) { left -= LeftMargin; padLeft += LeftMargin; }
                if (r == n - 1) { bottom += BottomMargin; padBottom += BottomMargin; }
                if (c > r)
                {
                    DrawCorrelation(canvas, set, axes[r].Column, axes[c].Column,
                        new SKRect(LeftMargin + c * cell + Gap, top + Gap, right - Gap, top + cell - Gap), typeface);
                    continue;
                }
                var plot = c == r ? Histogram(set, axes[c]) : Scatter(set, axes[c], axes[r], alphaLevels, levelOf);
                plot.Font.Set(Figure.FontFamily);
                bool showX = r == n - 1, showY = c == 0 && r != c;
                plot.Axes.Bottom.TickLabelStyle.IsVisible = showX;
                plot.Axes.Left.TickLabelStyle.IsVisible = showY;
                // Few, short tick labels: neighbouring panels' labels must not run into each other.
                SetTicks(plot.Axes.Bottom, axes[c]);
                if (r != c) SetTicks(plot.Axes.Left, axes[r]);
                else { plot.Axes.Left.MajorTickStyle.Length = 0; plot.Axes.Left.MinorTickStyle.Length = 0; }
                plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
                plot.Axes.Left.TickLabelStyle.FontSize = 10;
                plot.Axes.Bottom.Label.Text = showX ? axes[c].Label : "";
                plot.Axes.Left.Label.Text = c == 0 && r != c ? axes[r].Label : "";
                plot.Axes.Bottom.Label.FontSize = 12;
                plot.Axes.Left.Label.FontSize = 12;
                plot.Layout.Fixed(new PixelPadding(padLeft, Gap, padBottom, Gap));
                canvas.Save();
                canvas.ClipRect(new SKRect(left, top, right, bottom));
                plot.Render(canvas, new PixelRect(left, right, bottom, top));
                canvas.Restore();
                if (c == r)
                {
                    using var name = new SKFont(bold, 12.5f);
                    canvas.DrawText(axes[c].Label, LeftMargin + c * cell + Gap + 5, top + Gap + 16, SKTextAlign.Left, name, ink);
                }
            }

        using var headingFont = new SKFont(bold, 20);
        using var captionFont = new SKFont(typeface, 12.5f);
        canvas.DrawText(heading, 14, 29, SKTextAlign.Left, headingFont, ink);
        canvas.DrawText(caption, 14, height - 10, SKTextAlign.Left, captionFont, grey);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>
    /// Three or four round ticks kept off the panel's ends, where they would run into the next panel's
    /// (0.5 of one panel beside 0.1 of the next).
    /// </summary>
    private static void SetTicks(ScottPlot.IAxis axis, Axis a)
    {
        double range = a.Max - a.Min, magnitude = Math.Pow(10, Math.Floor(Math.Log10(range)));
        double from = a.Min + 0.06 * range, to = a.Max - 0.06 * range;
        var ticks = new List<double>();
        // The coarsest round step that puts at least two ticks inside.
        foreach (double step in new[] { 5, 2.5, 2, 1, 0.5, 0.25, 0.2, 0.1, 0.05 }.Select(m => m * magnitude))
        {
            ticks.Clear();
            for (double t = Math.Ceiling(from / step) * step; t <= to + 1e-9 * range; t += step) ticks.Add(Math.Round(t / step) * step);
            if (ticks.Count >= 3 || (ticks.Count == 2 && step < range / 2.5)) break;
        }
        axis.SetTicks(ticks.ToArray(), ticks.Select(Compact).ToArray());
    }

    /// <summary>55k rather than 55,000; 0.02 rather than 0.020: tick labels a narrow panel has room for.</summary>
    private static string Compact(double v) =>
        Math.Abs(v) >= 10000
            ? (v / 1000).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "k"
            : Math.Abs(v) < 1e-12 ? "0" : v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly Color Ink = new(0x1f, 0x4e, 0x9a);

    private static Plot Scatter(ParticleSet set, Axis x, Axis y, double[] alphaLevels, int[] levelOf)
    {
        var plot = new Plot();
        // One point series per weight level (a few series, not one per particle), lightest first so heavy particles stay on top.
        for (int level = 0; level < alphaLevels.Length; level++)
        {
            var members = Enumerable.Range(0, set.Count).Where(i => levelOf[i] == level).ToArray();
            if (members.Length == 0) continue;
            var points = plot.Add.ScatterPoints(members.Select(i => set.Values[i][x.Column]).ToArray(), members.Select(i => set.Values[i][y.Column]).ToArray());
            points.Color = Ink.WithAlpha(alphaLevels[level]);
            points.MarkerSize = 3.5f;
            points.MarkerShape = MarkerShape.FilledCircle;
        }
        plot.Axes.SetLimits(x.Min, x.Max, y.Min, y.Max);
        return plot;
    }

    private static Plot Histogram(ParticleSet set, Axis a)
    {
        var plot = new Plot();
        var span = plot.Add.HorizontalSpan(a.PriorLow, a.PriorHigh);
        span.FillStyle.Color = Colors.Gray.WithAlpha(0.18);
        span.LineStyle.Width = 0;
        double width = (a.Max - a.Min) / Bins;
        var mass = new double[Bins];
        for (int i = 0; i < set.Count; i++)
            mass[Math.Clamp((int)((set.Values[i][a.Column] - a.Min) / width), 0, Bins - 1)] += set.Weights[i];
        var bars = Enumerable.Range(0, Bins).Select(b => new Bar
        {
            Position = a.Min + (b + 0.5) * width, Value = mass[b], Size = width, FillColor = Ink.WithAlpha(0.7), LineWidth = 0,
        }).ToArray();
        plot.Add.Bars(bars);
        // Head room for the parameter's name written in the panel.
        plot.Axes.SetLimits(a.Min, a.Max, 0, Math.Max(mass.Max(), 1e-12) * 1.3);
        return plot;
    }

    private static void DrawCorrelation(SKCanvas canvas, ParticleSet set, int a, int b, SKRect rect, SKTypeface typeface)
    {
        double r = set.Correlation(a, b);
        using var frame = new SKPaint { Color = new SKColor(0xdd, 0xdd, 0xdd), IsStroke = true, StrokeWidth = 1 };
        canvas.DrawRect(rect, frame);
        byte shade = (byte)(200 - 170 * Math.Min(1, Math.Abs(r)));
        using var paint = new SKPaint { Color = r >= 0 ? new SKColor(shade, shade, 0xb0) : new SKColor(0xc0, shade, shade), IsAntialias = true };
        using var font = new SKFont(typeface, (float)(13 + 15 * Math.Abs(r)));
        canvas.DrawText($"r = {r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}", rect.MidX, rect.MidY + font.Size / 3, SKTextAlign.Center, font, paint);
    }

    /// <summary>
    /// The particles in a few weight classes, by weight over the mean weight (1 = an average particle), each with its
    /// opacity: equal weights (a resampled posterior) draw every point alike.
    /// </summary>
    private static (double[] Alphas, int[] LevelOf) WeightLevels(double[] weights)
    {
        double[] upper = [0.25, 0.5, 1.5, 3, double.PositiveInfinity];
        double[] alphas = [0.06, 0.14, 0.3, 0.5, 0.8];
        int count = weights.Length;
        // Zero-weight particles (discarded by the calibration) are not drawn: level -1 matches no series.
        var levels = weights.Select(w => w > 0 ? Array.FindIndex(upper, u => w * count < u) : -1).ToArray();
        return (alphas, levels);
    }
}
