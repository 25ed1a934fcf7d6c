using Microsoft.Extensions.Configuration;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.ElevenLabs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds VoiceAI (ThreeTone) to VoiceBatch: the ElevenLabs batch-calling dialect under <c>/v1/voiceai</c>.</summary>
public static class VoiceAIBuilderExtensions
{
    private static readonly HttpProviderSpec Spec = new(ProviderId.VoiceAI, ApiKeyHeader.XApiKey, ElevenLabsJsonContext.Default, VoiceAIOptions.Dialect.PathPrefix);

    /// <summary>Adds VoiceAI, configured in code (<c>x-api-key</c> auth, default host <c>https://api.threetone.in</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="VoiceAIOptions"/> (at least <see cref="VoiceBatchProviderOptions.ApiKey"/>).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddVoiceAI(this VoiceBatchBuilder builder, Action<VoiceAIOptions> configure)
        => HttpProviderRegistration.Add<IBatchCallingApi, VoiceAIOptions, ElevenLabsAdapter>(builder, Spec, HttpProviderRegistration.From(configure));

    /// <summary>Adds VoiceAI, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:VoiceAI")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddVoiceAI(this VoiceBatchBuilder builder, IConfiguration configuration)
        => HttpProviderRegistration.Add<IBatchCallingApi, VoiceAIOptions, ElevenLabsAdapter>(builder, Spec, HttpProviderRegistration.From<VoiceAIOptions>(configuration));
}
