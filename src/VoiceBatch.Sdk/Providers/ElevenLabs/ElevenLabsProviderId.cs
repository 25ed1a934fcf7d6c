namespace VoiceBatch;

public readonly partial struct ProviderId
{
    /// <summary>ElevenLabs (<c>"elevenlabs"</c>): ElevenLabs' conversational-AI batch calling at
    /// <c>https://api.elevenlabs.io/v1/convai/batch-calling</c>, <c>xi-api-key</c> auth.</summary>
    public static ProviderId ElevenLabs { get; } = new("elevenlabs");
}
