namespace VoiceBatch;

public readonly partial struct ProviderId
{
    /// <summary>Bland (<c>"bland"</c>): Bland's batch API at <c>https://api.bland.ai</c> (<c>/v2/batches</c>), the key sent as
    /// the whole <c>authorization</c> header value (no scheme).</summary>
    public static ProviderId Bland { get; } = new("bland");
}
