using Microsoft.Extensions.Options;

namespace VoiceBatch.Http;

/// <summary>Validates a provider's options at start-up. Messages name the provider and setting, never the key's value.</summary>
internal sealed class ProviderOptionsValidator<TOptions>(ProviderId provider, string configurationSection) : IValidateOptions<TOptions>
    where TOptions : VoiceBatchProviderOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add($"VoiceBatch provider '{provider}': ApiKey is required (set {configurationSection}:ApiKey or configure ApiKey in code).");
        }

        if (options.EffectiveBaseAddress is null)
        {
            failures.Add($"VoiceBatch provider '{provider}': BaseAddress is required because the vendor has no public default host (set {configurationSection}:BaseAddress).");
        }
        else if (!options.EffectiveBaseAddress.IsAbsoluteUri || options.EffectiveBaseAddress.Scheme is not ("https" or "http"))
        {
            failures.Add($"VoiceBatch provider '{provider}': BaseAddress must be an absolute http(s) URL.");
        }

        if (options.MaxRetries is < 0 or > 10) failures.Add($"VoiceBatch provider '{provider}': MaxRetries must be between 0 and 10.");
        if (options.AttemptTimeout <= TimeSpan.Zero) failures.Add($"VoiceBatch provider '{provider}': AttemptTimeout must be positive.");
        if (options.TotalTimeout < options.AttemptTimeout) failures.Add($"VoiceBatch provider '{provider}': TotalTimeout must be at least AttemptTimeout.");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"VoiceBatch provider '{provider}': RetryBaseDelay must be non-negative and not above MaxRetryDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
