using Microsoft.Extensions.Configuration;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.VoiceAI;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds VoiceAI to VoiceBatch.</summary>
public static class VoiceAIBuilderExtensions
{
    /// <summary>Adds VoiceAI, configured in code. The key is sent as <c>x-api-key</c>.</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="VoiceAIOptions"/>: <see cref="VoiceBatchProviderOptions.ApiKey"/> and
    /// <see cref="VoiceBatchProviderOptions.BaseAddress"/> are both required (VoiceAI has no public default host).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddVoiceAI(this VoiceBatchBuilder builder, Action<VoiceAIOptions> configure)
        => HttpProviderRegistration.Add<IVoiceAIApi, VoiceAIOptions, VoiceAIAdapter>(builder, ProviderId.VoiceAI, AuthScheme.ApiKeyHeader, HttpProviderRegistration.From(configure));

    /// <summary>Adds VoiceAI, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:VoiceAI")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c> (both required), …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddVoiceAI(this VoiceBatchBuilder builder, IConfiguration configuration)
        => HttpProviderRegistration.Add<IVoiceAIApi, VoiceAIOptions, VoiceAIAdapter>(builder, ProviderId.VoiceAI, AuthScheme.ApiKeyHeader, HttpProviderRegistration.From<VoiceAIOptions>(configuration));
}
