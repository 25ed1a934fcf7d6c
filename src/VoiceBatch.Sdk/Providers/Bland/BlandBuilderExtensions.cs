using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.Bland;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Bland to VoiceBatch.</summary>
public static class BlandBuilderExtensions
{
    // Bland wants the key as the whole authorization value, with no scheme (docs.bland.ai; cookbook: "no prefix").
    private static readonly HttpProviderSpec Spec = new(ProviderId.Bland, new ApiKeyHeader("Authorization"), BlandJsonContext.Default);

    /// <summary>Adds Bland (<c>authorization: &lt;key&gt;</c>, no scheme; default host <c>https://api.bland.ai</c>), configured in code.</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="BlandOptions"/> (at least <see cref="VoiceBatchProviderOptions.ApiKey"/>; see
    /// <see cref="BlandOptions.AgentIdKind"/> for what <see cref="CreateBatchRequest.AgentId"/> names).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddBland(this VoiceBatchBuilder builder, Action<BlandOptions> configure)
        => HttpProviderRegistration.Add<IBlandApi, BlandOptions, BlandAdapter>(builder, Spec, HttpProviderRegistration.From(configure));

    /// <summary>Adds Bland, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:Bland")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, <c>AgentIdKind</c>, …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddBland(this VoiceBatchBuilder builder, IConfiguration configuration)
        => HttpProviderRegistration.Add<IBlandApi, BlandOptions, BlandAdapter>(builder, Spec, HttpProviderRegistration.From<BlandOptions>(configuration));
}
