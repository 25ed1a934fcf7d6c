using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.Synthflow;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Synthflow to VoiceBatch.</summary>
public static class SynthflowBuilderExtensions
{
    private static readonly HttpProviderSpec Spec = new(ProviderId.Synthflow, ApiKeyHeader.Bearer, SynthflowJsonContext.Default, "v2");

    /// <summary>Adds Synthflow (Bearer auth, host <c>https://api.synthflow.ai</c> or the one of <see cref="SynthflowOptions.Region"/>,
    /// paths under <c>/v2</c>), configured in code.</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="SynthflowOptions"/> (at least <see cref="VoiceBatchProviderOptions.ApiKey"/>).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddSynthflow(this VoiceBatchBuilder builder, Action<SynthflowOptions> configure)
        => Add(builder, HttpProviderRegistration.From(configure));

    /// <summary>Adds Synthflow, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:Synthflow")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>Region</c>, <c>FromPhoneNumber</c>, <c>BaseAddress</c>, …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddSynthflow(this VoiceBatchBuilder builder, IConfiguration configuration)
        => Add(builder, HttpProviderRegistration.From<SynthflowOptions>(configuration));

    private static VoiceBatchBuilder Add(VoiceBatchBuilder builder, Action<OptionsBuilder<SynthflowOptions>> configure)
        => HttpProviderRegistration.Add<ISynthflowApi, SynthflowOptions, SynthflowAdapter>(builder, Spec, configure);
}
