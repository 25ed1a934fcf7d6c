namespace VoiceBatch;

public readonly partial struct ProviderId
{
    /// <summary>batch-details (<c>"batchdetails"</c>): the "Nexus" calling API's paged batch-details endpoint (seed 002).</summary>
    public static ProviderId BatchDetails { get; } = new("batchdetails");
}
