namespace ZjSim.Model.Random;

/// <summary>
/// Why a draw is made. Each purpose is its own stream, so adding a draw for one rule
/// never shifts the draws of another (common random numbers across scenarios rely on it).
/// </summary>
public enum Purpose : byte
{
    EnterpriseInit = 1,
    EnterpriseStep = 2,
    PlatformInit = 3,
    PlatformStep = 4,
    ClusterOutput = 5,
    BrainDelivery = 6,
    ProvinceValue = 7,
    Science = 8,
    /// <summary>An uncertain parameter's value in a replication, drawn once in the base year.</summary>
    ParameterDraw = 9,
    /// <summary>A sector's unmet demand launching an industry brain.</summary>
    BrainDemand = 10,
    /// <summary>GDP and the digitalisation outside the modelled industry.</summary>
    ProvinceGdp = 11,
    /// <summary>ABC-SMC's candidates: prior draws, the ancestor a candidate perturbs and the kernel's normals.</summary>
    AbcProposal = 12,
    /// <summary>Simulation-based calibration: the true parameters of each synthetic record.</summary>
    SimulationBasedCalibration = 13,
}
