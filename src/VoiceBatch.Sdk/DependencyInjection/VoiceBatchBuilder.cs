using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Internal;

namespace VoiceBatch;

/// <summary>
/// Adds providers to <see cref="IBatchCallClient"/>. Returned by <c>services.AddVoiceBatch()</c>; each built-in vendor
/// adds itself with its own extension (<c>AddDialNexa</c>, <c>AddBolna</c>, <c>AddElevenLabs</c>, …).
/// </summary>
public sealed class VoiceBatchBuilder
{
    internal VoiceBatchBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection the providers are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Registers a provider of your own. It is created once, when the client is first resolved, and reached through the
    /// same <see cref="IBatchCallClient"/> under <paramref name="id"/> (every batch it returns carries that id).
    /// </summary>
    /// <param name="id">The provider's id, e.g. <c>new ProviderId("acme")</c>; each id may be registered once.</param>
    /// <param name="factory">Creates the provider from the service provider.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A provider with this id is already registered.</exception>
    public VoiceBatchBuilder AddProvider(ProviderId id, Func<IServiceProvider, IBatchCallProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (string.IsNullOrEmpty(id.Value)) throw new ArgumentException("The provider id is empty.", nameof(id));
        if (Services.Any(d => d.ServiceType == typeof(ProviderRegistration) && d.ImplementationInstance is ProviderRegistration r && r.Id == id))
        {
            throw new ArgumentException($"Provider '{id}' is already registered.", nameof(id));
        }

        Services.AddSingleton(new ProviderRegistration(id, factory));
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
