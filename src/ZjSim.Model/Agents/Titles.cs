namespace ZjSim.Model.Agents;

/// <summary>Certified titles an enterprise can hold; bit flags so a batch stores them in one byte.</summary>
[Flags]
public enum Titles : byte
{
    None = 0,
    SmartFactory = 1,
    FutureFactory = 2,
}
