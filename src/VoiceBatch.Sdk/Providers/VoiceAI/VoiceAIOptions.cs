using VoiceBatch.Providers.ElevenLabs;

namespace VoiceBatch;

/// <summary>
/// VoiceAI settings (configuration section <c>VoiceBatch:VoiceAI</c>). VoiceAI is ThreeTone's API (seed 001 is word for word
/// its "Get A Batch Call By Id" page), a dialect of ElevenLabs' batch calling: it is served by the ElevenLabs adapter family
/// with the differences below. <see cref="VoiceBatchProviderOptions.BaseAddress"/> defaults to <c>https://api.threetone.in</c>
/// (the server ThreeTone's OpenAPI declares; its older pages showed a placeholder) — the root under which
/// <c>/v1/voiceai/batch-calling/…</c> is served. The key is sent as <c>x-api-key</c> (ThreeTone's security scheme
/// <c>APIKeyHeader</c>; it also accepts Bearer).
/// </summary>
/// <remarks>
/// Where ThreeTone differs from ElevenLabs (docs.threetone.in, read 2026-12): the workspace list's <c>limit</c> is 1–500
/// (default 100) and it has NO <c>agent_id</c> filter (agents are filtered locally); its submit documents only
/// <c>call_name</c>, <c>agent_id</c>, <c>recipients</c>, <c>scheduled_time_unix</c>, <c>agent_phone_number_id</c> and
/// <c>whatsapp_params</c>, so a concurrency limit is not sent (a Warning is logged);
/// <c>total_calls_finished</c> is "completed + failed". ThreeTone publishes no recipient-status enum: ElevenLabs' eight
/// words are used (an unknown word reads as Unknown with its RawStatus kept).
/// </remarks>
public sealed class VoiceAIOptions : VoiceBatchProviderOptions, IBatchCallingOptions
{
    /// <summary>ThreeTone's public API host.</summary>
    public static Uri PublicHost { get; } = new("https://api.threetone.in");

    internal static BatchCallingDialect Dialect { get; } = new("VoiceAI", "v1/voiceai", 500, FiltersByAgent: false, TakesConcurrencyLimit: false);

    BatchCallingDialect IBatchCallingOptions.Dialect => Dialect;

    internal override Uri? DefaultBaseAddress => PublicHost;
}
