using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceBatch.Internal;

namespace VoiceBatch;

/// <summary>
/// An <see cref="IBatchCallClient"/> for applications without dependency injection. It owns its HTTP handlers;
/// dispose it when done.
/// </summary>
/// <example>
/// <code>
/// using var client = VoiceBatchClient.Create(b => b.AddBolna(o => o.ApiKey = key));
/// var batch = await client.GetBatchAsync(ProviderId.Bolna, "3c90c3cc...");
/// </code>
/// </example>
public sealed class VoiceBatchClient : BatchCallClient, IDisposable, IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private VoiceBatchClient(ServiceProvider services)
        : base(
            services.GetServices<ProviderRegistration>().Select(r => KeyValuePair.Create(r.Id, r.Factory(services))),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<VoiceBatchOptions>>().Value,
            services.GetService<ILoggerFactory>()?.CreateLogger<BatchCallClient>())
    {
        _services = services;
    }

    /// <summary>Builds a client; providers are configured (and their options validated) right here.</summary>
    /// <param name="configure">Adds and configures providers.</param>
    /// <returns>The client.</returns>
    /// <exception cref="OptionsValidationException">A provider's options are invalid (the message names the provider and setting).</exception>
    public static VoiceBatchClient Create(Action<VoiceBatchBuilder> configure) => Create(configure, null);

    /// <summary>Builds a client with extra services (e.g. a <see cref="TimeProvider"/> or logging) registered first.</summary>
    /// <param name="configure">Adds and configures providers.</param>
    /// <param name="services">Registers other services the client should use (logging, a clock); may be null.</param>
    /// <returns>The client.</returns>
    /// <exception cref="OptionsValidationException">A provider's options are invalid (the message names the provider and setting).</exception>
    public static VoiceBatchClient Create(Action<VoiceBatchBuilder> configure, Action<IServiceCollection>? services)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        configure(collection.AddVoiceBatch());
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            // Creating the providers reads (and so validates) every provider's options: a bad one fails here, at start-up.
            return new VoiceBatchClient(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _services.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
