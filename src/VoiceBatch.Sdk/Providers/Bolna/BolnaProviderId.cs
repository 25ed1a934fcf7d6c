namespace VoiceBatch;

public readonly partial struct ProviderId
{
    /// <summary>Bolna (<c>"bolna"</c>): Bolna's batch API at <c>https://api.bolna.ai</c>, Bearer auth.</summary>
    public static ProviderId Bolna { get; } = new("bolna");
}
