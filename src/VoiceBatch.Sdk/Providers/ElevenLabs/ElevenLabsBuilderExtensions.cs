using Microsoft.Extensions.Configuration;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.ElevenLabs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds ElevenLabs' batch calling to VoiceBatch.</summary>
public static class ElevenLabsBuilderExtensions
{
    private static readonly HttpProviderSpec Spec = new(ProviderId.ElevenLabs, new ApiKeyHeader("xi-api-key"), ElevenLabsJsonContext.Default, BatchCallingDialect.ElevenLabs.PathPrefix);

    /// <summary>Adds ElevenLabs (<c>xi-api-key</c> auth, default host <c>https://api.elevenlabs.io</c>), configured in code.</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="ElevenLabsOptions"/> (at least <see cref="VoiceBatchProviderOptions.ApiKey"/>).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddElevenLabs(this VoiceBatchBuilder builder, Action<ElevenLabsOptions> configure)
        => HttpProviderRegistration.Add<IBatchCallingApi, ElevenLabsOptions, ElevenLabsAdapter>(builder, Spec, HttpProviderRegistration.From(configure));

    /// <summary>Adds ElevenLabs, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:ElevenLabs")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddElevenLabs(this VoiceBatchBuilder builder, IConfiguration configuration)
        => HttpProviderRegistration.Add<IBatchCallingApi, ElevenLabsOptions, ElevenLabsAdapter>(builder, Spec, HttpProviderRegistration.From<ElevenLabsOptions>(configuration));
}
