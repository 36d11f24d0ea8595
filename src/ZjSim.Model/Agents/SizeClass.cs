namespace ZjSim.Model.Agents;

/// <summary>The two populations the white paper sets coverage targets for.</summary>
public enum SizeClass : byte
{
    /// <summary>Industrial enterprise above designated size (规上工业企业).</summary>
    AboveSize = 0,
    /// <summary>Small or medium enterprise in a key sub-sector (重点细分行业中小企业).</summary>
    KeySme = 1,
}
