using System.Globalization;

namespace ZjSim.Model.Uncertainty;

/// <summary>How a distribution's bounds read in tables and messages: " on [a, b]".</summary>
internal static class Bounds
{
    public static string Text(double? min, double? max) => min is null && max is null ? "" : $" on [{End(min, "−∞")}, {End(max, "∞")}]";

    public static string Interval(double lower, double upper) =>
        $"{(double.IsFinite(lower) ? "[" : "(")}{End(lower, "")}, {End(upper, "")}{(double.IsFinite(upper) ? "]" : ")")}";

    private static string End(double? v, string missing) => v switch
    {
        null => missing,
        double.PositiveInfinity => "∞",
        double.NegativeInfinity => "−∞",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
    };
}
