namespace ZjSim.Model.Agents;

/// <summary>Certified titles an enterprise can hold; bit flags, as the batch state packs them.</summary>
[Flags]
public enum Titles : byte
{
    None = 0,
    SmartFactory = 1,
    FutureFactory = 2,
}
