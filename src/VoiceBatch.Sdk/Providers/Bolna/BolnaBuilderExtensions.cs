using Microsoft.Extensions.Configuration;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.Bolna;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Bolna to VoiceBatch.</summary>
public static class BolnaBuilderExtensions
{
    private static readonly HttpProviderSpec Spec = new(ProviderId.Bolna, ApiKeyHeader.Bearer, BolnaJsonContext.Default);

    /// <summary>Adds Bolna (Bearer auth, default host <c>https://api.bolna.ai</c>), configured in code.</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="BolnaOptions"/> (at least <see cref="VoiceBatchProviderOptions.ApiKey"/>).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddBolna(this VoiceBatchBuilder builder, Action<BolnaOptions> configure)
        => HttpProviderRegistration.Add<IBolnaApi, BolnaOptions, BolnaAdapter>(builder, Spec, HttpProviderRegistration.From(configure));

    /// <summary>Adds Bolna, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:Bolna")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddBolna(this VoiceBatchBuilder builder, IConfiguration configuration)
        => HttpProviderRegistration.Add<IBolnaApi, BolnaOptions, BolnaAdapter>(builder, Spec, HttpProviderRegistration.From<BolnaOptions>(configuration));
}
