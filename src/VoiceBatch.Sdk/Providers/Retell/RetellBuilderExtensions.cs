using Microsoft.Extensions.Configuration;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.Retell;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Retell to VoiceBatch.</summary>
public static class RetellBuilderExtensions
{
    private static readonly HttpProviderSpec Spec = new(ProviderId.Retell, ApiKeyHeader.Bearer, RetellJsonContext.Default);

    /// <summary>Adds Retell (Bearer auth, default host <c>https://api.retellai.com</c>), configured in code. Retell can create
    /// batches and list their calls, nothing else (see <see cref="IBatchCallClient.GetCapabilities"/>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="RetellOptions"/> (at least <see cref="VoiceBatchProviderOptions.ApiKey"/>).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddRetell(this VoiceBatchBuilder builder, Action<RetellOptions> configure)
        => HttpProviderRegistration.Add<IRetellApi, RetellOptions, RetellAdapter>(builder, Spec, HttpProviderRegistration.From(configure));

    /// <summary>Adds Retell, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:Retell")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, <c>DefaultFromNumber</c>, …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddRetell(this VoiceBatchBuilder builder, IConfiguration configuration)
        => HttpProviderRegistration.Add<IRetellApi, RetellOptions, RetellAdapter>(builder, Spec, HttpProviderRegistration.From<RetellOptions>(configuration));
}
