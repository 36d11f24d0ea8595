using MathNet.Numerics.Distributions;

namespace ZjSim.Model.Experiments;

/// <summary>
/// The Patient Rule Induction Method (Friedman and Fisher 1999) for scenario discovery, as the EMA Workbench uses it
/// (Bryant and Lempert 2010): starting from the box holding every case, repeatedly peel off the α share of cases at
/// one end of one parameter, choosing the peel that leaves the highest density of cases of interest, until the box
/// holds less than the minimum mass. Pasting is not done. The chosen box is the one of highest coverage whose density
/// reaches the threshold (or, if none does, the densest). A restricted dimension's quasi-p-value is the one-sided
/// binomial probability of the box's cases of interest, were that restriction dropped (Bryant and Lempert 2010).
/// </summary>
public static class Prim
{
    public static PrimResult Run(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<string> parameters,
        double alpha = 0.05, double minimumMass = 0.05, double threshold = 0.8)
    {
        int n = x.Count, k = parameters.Count;
        if (n == 0 || y.Count != n) throw new ArgumentException("PRIM needs cases, each with an outcome");
        if (!(alpha > 0 && alpha < 0.5)) throw new ArgumentOutOfRangeException(nameof(alpha));
        int interest = y.Count(v => v);
        if (interest == 0) throw new ArgumentException("no case is of interest: there is no box to find");

        var lower = Enumerable.Range(0, k).Select(j => x.Min(r => r[j])).ToArray();
        var upper = Enumerable.Range(0, k).Select(j => x.Max(r => r[j])).ToArray();
        var (initLower, initUpper) = ((double[])lower.Clone(), (double[])upper.Clone());
        var inBox = Enumerable.Range(0, n).ToList();
        var trajectory = new List<PrimBox> { Box(0, inBox) };

        while (true)
        {
            (double Density, int Dim, bool AtLower, double Limit, List<int> Kept)? best = null;
            void Consider(int dim, bool atLower, double limit, List<int> kept)
            {
                // Peels that remove nothing or everything are not moves.
                if (double.IsNaN(limit) || kept.Count == 0 || kept.Count == inBox.Count) return;
                double density = kept.Count(i => y[i]) / (double)kept.Count;
                if (best is null || density > best.Value.Density || (density == best.Value.Density && kept.Count > best.Value.Kept.Count))
                    best = (density, dim, atLower, limit, kept);
            }
            for (int j = 0; j < k; j++)
            {
                var sorted = inBox.Select(i => x[i][j]).Order().ToArray();
                int m = Math.Max(1, (int)Math.Floor(alpha * sorted.Length));
                // Lower peel: the new lower limit is the value m places up; ties at the old end are peeled together.
                double lo = sorted[Math.Min(m, sorted.Length - 1)];
                if (lo == sorted[0]) lo = sorted.FirstOrDefault(v => v > sorted[0], double.NaN);
                Consider(j, true, lo, inBox.Where(i => x[i][j] >= lo).ToList());
                double hi = sorted[Math.Max(0, sorted.Length - 1 - m)];
                if (hi == sorted[^1]) hi = sorted.LastOrDefault(v => v < sorted[^1], double.NaN);
                Consider(j, false, hi, inBox.Where(i => x[i][j] <= hi).ToList());
            }
            if (best is not { } peel || peel.Kept.Count < minimumMass * n) break;
            if (peel.AtLower) lower[peel.Dim] = peel.Limit; else upper[peel.Dim] = peel.Limit;
            inBox = peel.Kept;
            trajectory.Add(Box(trajectory.Count, inBox));
        }

        int chosen = Enumerable.Range(0, trajectory.Count).Where(i => trajectory[i].Density >= threshold)
            .OrderByDescending(i => trajectory[i].Coverage).ThenByDescending(i => trajectory[i].Density).Cast<int?>().FirstOrDefault()
            ?? Enumerable.Range(0, trajectory.Count).OrderByDescending(i => trajectory[i].Density).ThenByDescending(i => trajectory[i].Coverage).First();
        var box = trajectory[chosen];
        var restrictions = new List<PrimRestriction>();
        for (int j = 0; j < k; j++)
        {
            if (box.Lower[j] == initLower[j] && box.Upper[j] == initUpper[j]) continue;
            // The box without this restriction: its density is the rate to beat by chance.
            int cases = 0, hits = 0;
            for (int i = 0; i < n; i++)
            {
                bool inside = true;
                for (int d = 0; d < k && inside; d++)
                    if (d != j && (x[i][d] < box.Lower[d] || x[i][d] > box.Upper[d])) inside = false;
                if (!inside) continue;
                cases++;
                if (y[i]) hits++;
            }
            double p = (double)hits / cases;
            double quasiP = box.CasesOfInterest == 0 ? 1 : 1 - Binomial.CDF(p, box.Cases, box.CasesOfInterest - 1);
            restrictions.Add(new PrimRestriction(parameters[j], box.Lower[j], box.Upper[j], Math.Max(0, quasiP)));
        }
        return new PrimResult(trajectory, chosen, restrictions);

        PrimBox Box(int step, List<int> cases)
        {
            int hits = cases.Count(i => y[i]);
            return new PrimBox(step, (double[])lower.Clone(), (double[])upper.Clone(), (double)hits / interest,
                cases.Count == 0 ? 0 : (double)hits / cases.Count, (double)cases.Count / n, cases.Count, hits);
        }
    }
}
