using Microsoft.Extensions.Configuration;
using VoiceBatch;
using VoiceBatch.Http;
using VoiceBatch.Providers.BatchDetails;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the batch-details ("Nexus") provider to VoiceBatch.</summary>
public static class BatchDetailsBuilderExtensions
{
    private static readonly HttpProviderSpec Spec = new(ProviderId.BatchDetails, ApiKeyHeader.Bearer, BatchDetailsJsonContext.Default);

    /// <summary>Adds batch-details, configured in code.</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configure">Sets <see cref="BatchDetailsOptions"/>: <see cref="VoiceBatchProviderOptions.ApiKey"/> and
    /// <see cref="VoiceBatchProviderOptions.BaseAddress"/> (required: the vendor has no public default host).</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddBatchDetails(this VoiceBatchBuilder builder, Action<BatchDetailsOptions> configure)
        => HttpProviderRegistration.Add<IBatchDetailsApi, BatchDetailsOptions, BatchDetailsAdapter>(builder, Spec, HttpProviderRegistration.From(configure));

    /// <summary>Adds batch-details, bound to a configuration section (e.g. <c>configuration.GetSection("VoiceBatch:BatchDetails")</c>).</summary>
    /// <param name="builder">The VoiceBatch builder.</param>
    /// <param name="configuration">The section holding <c>ApiKey</c>, <c>BaseAddress</c>, …</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddBatchDetails(this VoiceBatchBuilder builder, IConfiguration configuration)
        => HttpProviderRegistration.Add<IBatchDetailsApi, BatchDetailsOptions, BatchDetailsAdapter>(builder, Spec, HttpProviderRegistration.From<BatchDetailsOptions>(configuration));
}
