using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceBatch;
using VoiceBatch.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers VoiceBatch.Sdk.</summary>
public static class VoiceBatchServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBatchCallClient"/> (a singleton) and returns a builder to add providers:
    /// <c>services.AddVoiceBatch().AddBolna(o => o.ApiKey = "...")</c>. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The builder.</returns>
    public static VoiceBatchBuilder AddVoiceBatch(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IBatchCallClient>(sp => new BatchCallClient(
            sp.GetServices<ProviderRegistration>().Select(r => KeyValuePair.Create(r.Id, r.Factory(sp))),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<VoiceBatchOptions>>().Value,
            sp.GetService<ILoggerFactory>()?.CreateLogger<BatchCallClient>()));
        return new VoiceBatchBuilder(services);
    }
}
