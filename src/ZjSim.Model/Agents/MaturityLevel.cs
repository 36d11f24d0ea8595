namespace ZjSim.Model.Agents;

/// <summary>
/// Digital maturity, after the province's 1.0–4.0 assessment grades:
/// 0 not started, 1 covered (grade ≥ 1.0), 2 networked, 3 smart, 4 future.
/// </summary>
public static class MaturityLevel
{
    public const int NotStarted = 0, Covered = 1, Networked = 2, Smart = 3, Future = 4;
    public const int Count = 5;
}
