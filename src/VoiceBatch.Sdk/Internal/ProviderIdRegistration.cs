namespace VoiceBatch.Internal;

/// <summary>Marks a provider id as registered, so a second registration of the same id fails at once.</summary>
internal sealed record ProviderIdRegistration(ProviderId Id);
