namespace VoiceBatch;

/// <summary>
/// VoiceAI settings (configuration section <c>VoiceBatch:VoiceAI</c>). VoiceAI has no public default host (its
/// documentation shows a placeholder), so <see cref="VoiceBatchProviderOptions.BaseAddress"/> is required: the
/// root under which <c>/v1/voiceai/batch-calling/…</c> is served, e.g. <c>https://voiceai.example.com</c>. The key is
/// sent as <c>x-api-key</c> (not as a Bearer token).
/// </summary>
public sealed class VoiceAIOptions : VoiceBatchProviderOptions
{
}
