using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Internal;

namespace VoiceBatch;

/// <summary>
/// Adds providers to <see cref="IBatchCallClient"/>. Returned by <c>services.AddVoiceBatch()</c>; the built-in
/// vendors add themselves with <c>AddDialNexa</c>, <c>AddVoiceAI</c>, <c>AddBatchDetails</c> and <c>AddBolna</c>.
/// </summary>
public sealed class VoiceBatchBuilder
{
    internal VoiceBatchBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the providers are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers a provider of your own (or replaces none: each id may be registered once). It is created once,
    /// when the client is first resolved, and reached through the same <see cref="IBatchCallClient"/>.
    /// </summary>
    /// <param name="id">The provider's id, e.g. <c>new ProviderId("acme")</c>.</param>
    /// <param name="factory">Creates the provider from the service provider.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A provider with this id is already registered.</exception>
    public VoiceBatchBuilder AddProvider(ProviderId id, Func<IServiceProvider, IBatchCallProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (string.IsNullOrEmpty(id.Value)) throw new ArgumentException("The provider id is empty.", nameof(id));
        if (Services.Any(d => d.ServiceType == typeof(ProviderIdRegistration) && d.ImplementationInstance is ProviderIdRegistration r && r.Id == id))
        {
            throw new ArgumentException($"Provider '{id}' is already registered.", nameof(id));
        }

        Services.AddSingleton(new ProviderIdRegistration(id));
        Services.AddSingleton<IBatchCallProvider>(sp =>
        {
            var provider = factory(sp) ?? throw new InvalidOperationException($"The factory for provider '{id}' returned null.");
            return provider.Id == id ? provider : new RenamedProvider(id, provider);
        });
        return this;
    }

    /// <summary>Configures settings that apply to every provider (polling).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public VoiceBatchBuilder Configure(Action<VoiceBatchOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }
}
