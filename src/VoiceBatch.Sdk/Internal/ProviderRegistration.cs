namespace VoiceBatch.Internal;

/// <summary>
/// One provider registered with <see cref="VoiceBatchBuilder.AddProvider"/>: the id it is reached by, and how to
/// create it. The id given here is THE id: <see cref="BatchCallClient"/> routes by it and stamps it on every batch
/// it returns, whatever the provider's own <see cref="IBatchCallProvider.Id"/> says.
/// </summary>
internal sealed record ProviderRegistration(ProviderId Id, Func<IServiceProvider, IBatchCallProvider> Factory);
