using ZjSim.Model.Random;
using ZjSim.Model.Scenarios;
using ZjSim.Model.World;

namespace ZjSim.Model.Rules;

/// <summary>
/// Industry brains: the scenario plans launches per year; each pending brain is delivered in a given year
/// with delivery_probability, else it slips to the next year. A delivered brain serves clusters_per_brain
/// clusters chosen by priority: clusters not yet served first, then by larger output value, then by index.
/// </summary>
public static class BrainRule
{
    public static int Delivered(ModelParameters prm, int pending, int year, ulong seed, int replication)
    {
        var rs = new RandomStream(seed, replication, EntityIds.Province, year, Purpose.BrainDelivery);
        int delivered = 0;
        for (int k = 0; k < pending; k++)
            if (rs.Uniform(k) < prm.Brains.DeliveryProbability) delivered++;
        return delivered;
    }

    /// <summary>Picks the clusters a new brain serves and marks them served.</summary>
    public static int[] Assign(bool[] served, IReadOnlyList<double> outputs, int clustersPerBrain)
    {
        var order = Enumerable.Range(0, served.Length)
            .OrderBy(i => served[i])
            .ThenByDescending(i => outputs[i])
            .ThenBy(i => i)
            .Take(clustersPerBrain)
            .ToArray();
        foreach (var i in order) served[i] = true;
        return order;
    }
}
