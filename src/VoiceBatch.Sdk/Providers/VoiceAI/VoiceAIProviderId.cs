namespace VoiceBatch;

public readonly partial struct ProviderId
{
    /// <summary>VoiceAI (<c>"voiceai"</c>): ThreeTone's ElevenLabs-compatible batch calling under <c>/v1/voiceai</c>, <c>x-api-key</c> auth.</summary>
    public static ProviderId VoiceAI { get; } = new("voiceai");
}
