namespace ZjSim.Model;

/// <summary>How an indicator's values read: a share (shown in %), a count, or money (billion yuan).</summary>
public enum IndicatorKind
{
    Share,
    Count,
    BillionYuan,
}
