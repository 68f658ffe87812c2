using Dashboard.Core.Analytics.Frames;

namespace Dashboard.Core.Orders;

/// <summary>
/// The dictionary codes of the order lines' text columns while a frame loads (<see cref="StagedLinesReader"/>): each
/// dimension's names in the order first seen, and the status groups by name.
/// </summary>
internal sealed class LineCodes
{
    private readonly Dictionary<string, byte> _statusGroups =
        Enum.GetValues<StatusGroup>().ToDictionary(g => g.ToString(), g => (byte)g, StringComparer.Ordinal);

    public TextCodes Categories { get; } = new();
    public TextCodes States { get; } = new();
    public TextCodes Fulfilments { get; } = new();
    public TextCodes Channels { get; } = new();
    public TextCodes Services { get; } = new();
    public TextCodes Currencies { get; } = new();

    // The model columns' codes (empty unless the frame is loaded for training).
    public TextCodes Cities { get; } = new();
    public TextCodes Sizes { get; } = new();
    public TextCodes PromotionLists { get; } = new();

    /// <summary>The code of a stored status group (<see cref="StatusGroup"/>'s value).</summary>
    public byte StatusGroup(string name) => _statusGroups[name];
}
