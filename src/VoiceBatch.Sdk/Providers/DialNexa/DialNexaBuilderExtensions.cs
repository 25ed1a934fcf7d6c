using Microsoft.Extensions.Configuration;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.DialNexa;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds DialNexa to VoiceBatch.</summary>
public static class DialNexaBuilderExtensions
{
    private static readonly HttpProviderSpec Spec = new(ProviderId.DialNexa, ApiKeyHeader.Bearer, DialNexaJsonContext.Default);

    /// <summary>Adds DialNexa (Bearer auth, default host <c>https://api.dialnexa.com</c>), configured in code.</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="DialNexaOptions"/> (at least <see cref="VoiceBatchProviderOptions.ApiKey"/>).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddDialNexa(this VoiceBatchBuilder builder, Action<DialNexaOptions> configure)
        => HttpProviderRegistration.Add<IDialNexaApi, DialNexaOptions, DialNexaAdapter>(builder, Spec, HttpProviderRegistration.From(configure));

    /// <summary>Adds DialNexa, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:DialNexa")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddDialNexa(this VoiceBatchBuilder builder, IConfiguration configuration)
        => HttpProviderRegistration.Add<IDialNexaApi, DialNexaOptions, DialNexaAdapter>(builder, Spec, HttpProviderRegistration.From<DialNexaOptions>(configuration));
}
