namespace ZjSim.Model.Experiments;

/// <summary>
/// One box of a PRIM peeling trajectory: its limits per parameter, the share of all cases of interest inside it
/// (coverage), the share of its cases that are of interest (density), and the share of all cases inside (mass).
/// </summary>
public sealed record PrimBox(int Step, double[] Lower, double[] Upper, double Coverage, double Density, double Mass, int Cases, int CasesOfInterest);

/// <summary>A limit of the chosen box on one parameter, with the quasi-p-value of keeping it (EMA Workbench's reading).</summary>
public sealed record PrimRestriction(string Parameter, double Lower, double Upper, double QuasiPValue);

/// <summary>PRIM's answer: the whole trajectory, the index of the chosen box, and the chosen box's restricted dimensions.</summary>
public sealed record PrimResult(IReadOnlyList<PrimBox> Trajectory, int Chosen, IReadOnlyList<PrimRestriction> Restrictions)
{
    public PrimBox Box => Trajectory[Chosen];
}
