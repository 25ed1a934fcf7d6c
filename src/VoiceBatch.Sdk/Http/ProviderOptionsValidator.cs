using System.Net;
using Microsoft.Extensions.Options;

namespace VoiceBatch.Http;

/// <summary>Validates a provider's options at start-up; every message names the provider and the setting, never the key.
/// A vendor address must be https, except a loopback address (tests, local simulators): the key must not travel in clear text.
/// A vendor's own checks come from its options (<see cref="VoiceBatchProviderOptions.VendorProblems"/>).</summary>
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

        if (options.EffectiveBaseAddress is not { } address)
        {
            failures.Add($"VoiceBatch provider '{provider}': BaseAddress is required because the vendor has no public default host (set {configurationSection}:BaseAddress).");
        }
        else if (!address.IsAbsoluteUri || address.Scheme is not ("https" or "http"))
        {
            failures.Add($"VoiceBatch provider '{provider}': BaseAddress must be an absolute https URL (set {configurationSection}:BaseAddress).");
        }
        else if (address.Scheme == "http" && !IsLoopback(address))
        {
            failures.Add($"VoiceBatch provider '{provider}': BaseAddress must use https; '{address.GetLeftPart(UriPartial.Authority)}' would send the API key in clear text. "
                         + $"Plain http is accepted only for loopback addresses such as a local simulator (set {configurationSection}:BaseAddress).");
        }

        if (options.MaxRetries is < 0 or > 10) failures.Add($"VoiceBatch provider '{provider}': MaxRetries must be between 0 and 10.");
        if (options.AttemptTimeout <= TimeSpan.Zero) failures.Add($"VoiceBatch provider '{provider}': AttemptTimeout must be positive.");
        if (options.TotalTimeout < options.AttemptTimeout) failures.Add($"VoiceBatch provider '{provider}': TotalTimeout must be at least AttemptTimeout.");
        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"VoiceBatch provider '{provider}': RetryBaseDelay must be non-negative and not above MaxRetryDelay.");
        }

        if (options.MaxResponseBytes is < 1024 or > int.MaxValue)
        {
            failures.Add($"VoiceBatch provider '{provider}': MaxResponseBytes must be between 1 KiB and 2 GiB.");
        }

        failures.AddRange(options.VendorProblems(configurationSection).Select(problem => $"VoiceBatch provider '{provider}': {problem}"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri address)
        => address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
