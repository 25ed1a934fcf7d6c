using Microsoft.Extensions.Options;
using VoiceBatch.Contacts;

namespace VoiceBatch.Providers.Synthflow;

/// <summary>Synthflow's own settings, checked at start-up beside the shared ones (key, host, timeouts): a defined
/// <see cref="SynthflowOptions.Region"/>, a host without Synthflow's <c>/v2</c> path (the SDK adds it), and an E.164
/// <see cref="SynthflowOptions.FromPhoneNumber"/>. Messages name the setting, never a value that could be a secret or a number.</summary>
internal sealed class SynthflowOptionsValidator : IValidateOptions<SynthflowOptions>
{
    private const string Section = "VoiceBatch:Synthflow";

    public ValidateOptionsResult Validate(string? name, SynthflowOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Region))
        {
            failures.Add($"VoiceBatch provider 'synthflow': Region must be Global, US or EU (set {Section}:Region).");
        }

        if (options.BaseAddress is { IsAbsoluteUri: true } address
            && address.AbsolutePath.TrimEnd('/').EndsWith("/v2", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"VoiceBatch provider 'synthflow': BaseAddress is a host such as https://api.eu.synthflow.ai, without Synthflow's /v2 path "
                         + $"(the SDK adds it; '{address.GetLeftPart(UriPartial.Authority)}{address.AbsolutePath}' would be called as …/v2/v2/…). Set {Section}:BaseAddress.");
        }

        if (!string.IsNullOrWhiteSpace(options.FromPhoneNumber)
            && !(options.FromPhoneNumber.Trim().StartsWith('+') && PhoneNumberNormalizer.TryNormalize(options.FromPhoneNumber, null, out _)))
        {
            failures.Add($"VoiceBatch provider 'synthflow': FromPhoneNumber must be a caller ID in E.164 (a '+', the country code and the number; set {Section}:FromPhoneNumber).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
