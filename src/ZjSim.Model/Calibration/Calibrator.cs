using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using ZjSim.Model.Scenarios;

namespace ZjSim.Model.Calibration;

/// <summary>
/// Simulated method of moments: finds the parameter values whose simulated means (over R replications)
/// come closest to the observed points, minimising Σ ((simulated − observed) / observed)² over the fitted
/// points with MathNet's Nelder–Mead on logit-transformed parameters. Common random numbers make the
/// objective deterministic, so the simplex compares parameters, not noise.
/// </summary>
public sealed class Calibrator(ObservedData data, Scenario scenario, IReadOnlyList<FitParameter> parameters, CalibrationSettings settings)
{
    /// <summary>The observed points the objective uses: fitted series and points, after the start year, simulated.</summary>
    public IReadOnlyList<(ObservedSeries Series, ObservedPoint Point)> Targets { get; } = data.Series
        .SelectMany(s => s.Points.Select(p => (Series: s, Point: p)))
        .Where(x => Backtest.IsFitted(x.Series, x.Point, scenario.Parameters.Years.BaseYear) && x.Point.ModelYear <= scenario.Parameters.Years.EndYear)
        .ToList();

    /// <summary>The simulated mean of every target at the given parameter values.</summary>
    public IReadOnlyList<FitPoint> Simulate(IReadOnlyList<double> values, CancellationToken cancellation = default)
    {
        var fixedValues = parameters.Select((p, k) => (p.Path, values[k])).ToDictionary(x => x.Path, x => x.Item2);
        var tables = HistoricalRunner.Run(scenario, settings.Seed, settings.Replications, fixedValues, cancellation);
        double scale = scenario.Parameters.World.Scale;
        // Replications are summed in index order: the mean does not depend on which thread ran what.
        return Targets.Select(t => new FitPoint(t.Series.Name, t.Point,
            tables.Sum(table => SeriesReading.Value(data, t.Series, table, t.Point.ModelYear, scale)) / tables.Length)).ToList();
    }

    /// <summary>Evaluations a round of Nelder–Mead may take: 20 simplex sizes' worth.</summary>
    private int RoundEvaluations => 20 * (parameters.Count + 1);

    /// <summary>Thrown out of the objective when the evaluation budget is spent, to stop the simplex.</summary>
    private sealed class BudgetSpent : Exception;

    public static double Objective(IEnumerable<FitPoint> points) => points.Sum(p => p.RelativeError * p.RelativeError);

    public CalibrationResult Run(Action<CalibrationProgress>? progress = null, CancellationToken cancellation = default)
    {
        if (Targets.Count == 0) throw new InvalidOperationException("no observed point to fit in the simulated years");
        var clock = Stopwatch.StartNew();
        var start = parameters.Select(p => p.Start).ToArray();
        var startPoints = Simulate(start, cancellation);
        double best = Objective(startPoints);
        var bestValues = start;
        var bestPoints = startPoints;
        int evaluations = 1, roundEnd = 0;
        progress?.Invoke(new CalibrationProgress(evaluations, best, best, start, true));

        double Evaluate(Vector<double> theta)
        {
            cancellation.ThrowIfCancellationRequested();
            if (evaluations >= Math.Min(settings.MaxEvaluations, roundEnd)) throw new BudgetSpent();
            var values = parameters.Select((p, k) => p.ToValue(theta[k])).ToArray();
            var points = Simulate(values, cancellation);
            double f = Objective(points);
            evaluations++;
            bool improved = f < best;
            if (improved) (best, bestValues, bestPoints) = (f, values, points);
            progress?.Invoke(new CalibrationProgress(evaluations, f, best, values, improved));
            return f;
        }

        // Restarted Nelder–Mead: a simplex stalls, and shrinks in directions it should still move in, on the flat
        // steps that counts of titles and adopters make of the objective. So each round has a budget of its own,
        // and the next starts a fresh simplex around the best point, half as large (down to an eighth).
        // Stop when a round improves the objective by less than the tolerance, or the total budget is spent.
        bool converged = false;
        double step = settings.InitialStep;
        while (!converged && evaluations < settings.MaxEvaluations)
        {
            double before = best;
            roundEnd = evaluations + RoundEvaluations;
            var guess = Vector<double>.Build.Dense(parameters.Select((p, k) => p.ToTheta(bestValues[k])).ToArray());
            try
            {
                NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Evaluate), guess, Vector<double>.Build.Dense(parameters.Count, step),
                    settings.Tolerance, int.MaxValue);
            }
            catch (BudgetSpent)
            {
                // this round's budget (or the whole budget) is spent; the best point so far stands
            }
            converged = before - best <= settings.Tolerance * before;
            step = Math.Max(settings.InitialStep / 8, step / 2);
        }
        return new CalibrationResult(parameters, bestValues, best, Objective(startPoints), bestPoints, startPoints, evaluations, converged, clock.Elapsed.TotalSeconds);
    }
}
