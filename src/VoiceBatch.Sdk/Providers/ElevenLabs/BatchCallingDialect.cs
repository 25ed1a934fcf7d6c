namespace VoiceBatch.Providers.ElevenLabs;

/// <summary>
/// Where a vendor that speaks the ElevenLabs batch-calling dialect differs from ElevenLabs itself: the path prefix and
/// the documented limits. One adapter (<see cref="ElevenLabsAdapter"/>) serves every such vendor; each vendor's options
/// carry its dialect (<see cref="IBatchCallingOptions"/>).
/// </summary>
/// <param name="Vendor">The vendor's name, for messages.</param>
/// <param name="PathPrefix">The prefix its <c>batch-calling</c> routes live under (<c>v1/convai</c>, <c>v1/voiceai</c>).</param>
/// <param name="MaxPageSize">The largest workspace-list <c>limit</c> it accepts.</param>
/// <param name="FiltersByAgent">Whether its workspace list takes <c>agent_id</c> (the SDK filters locally either way).</param>
/// <param name="TakesConcurrencyLimit">Whether its submit takes <c>target_concurrency_limit</c>.</param>
internal sealed record BatchCallingDialect(string Vendor, string PathPrefix, int MaxPageSize, bool FiltersByAgent, bool TakesConcurrencyLimit)
{
    /// <summary>ElevenLabs: <c>/v1/convai</c>; the list takes <c>agent_id</c> and documents no maximum <c>limit</c> (default
    /// 100, which is also the most asked for); submit takes <c>target_concurrency_limit</c> (≥ 1). Source: ElevenLabs'
    /// Python SDK <c>raw_client.py</c> and its docs' embedded OpenAPI (<c>list.md</c>, <c>create.md</c>).</summary>
    public static BatchCallingDialect ElevenLabs { get; } = new("ElevenLabs", "v1/convai", 100, FiltersByAgent: true, TakesConcurrencyLimit: true);
}

/// <summary>Options of a vendor that speaks the batch-calling dialect.</summary>
internal interface IBatchCallingOptions
{
    BatchCallingDialect Dialect { get; }
}
