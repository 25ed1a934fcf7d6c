using VoiceBatch.Providers.ElevenLabs;

namespace VoiceBatch;

/// <summary>ElevenLabs settings (configuration section <c>VoiceBatch:ElevenLabs</c>). <see cref="VoiceBatchProviderOptions.BaseAddress"/>
/// defaults to <c>https://api.elevenlabs.io</c> (set a residency host such as <c>https://api.eu.residency.elevenlabs.io</c> or
/// <c>https://api.us.elevenlabs.io</c> where your workspace lives); the key is sent as <c>xi-api-key</c>.</summary>
public sealed class ElevenLabsOptions : VoiceBatchProviderOptions, IBatchCallingOptions
{
    /// <summary>ElevenLabs' default public host.</summary>
    public static Uri PublicHost { get; } = new("https://api.elevenlabs.io");

    BatchCallingDialect IBatchCallingOptions.Dialect => BatchCallingDialect.ElevenLabs;

    internal override Uri? DefaultBaseAddress => PublicHost;
}
