using Microsoft.Extensions.Options;
using VoiceBatch.Contacts;

namespace VoiceBatch;

/// <summary>
/// Retell settings (configuration section <c>VoiceBatch:Retell</c>). <see cref="VoiceBatchProviderOptions.BaseAddress"/> defaults
/// to <c>https://api.retellai.com</c>; the key is sent as <c>Authorization: Bearer</c>.
/// </summary>
/// <remarks>
/// <para><b>Timeouts.</b> Retell's own SDKs give the batch create five minutes (<c>RetellAI/retell-python-sdk</c>
/// <c>src/retell/resources/batch_call.py</c>: <c>timeout = 300</c>; <c>RetellAI/retell-typescript-sdk</c>
/// <c>src/resources/batch-call.ts</c>: <c>300000</c> ms), and the SDK's one-attempt limit applies to every route alike. A create
/// cut off by a timeout is a <see cref="BatchCreationUncertainException"/>, and on Retell that is costly: the API has no way to
/// read or list batches, so the lost batch can only be found in Retell's dashboard or by its calls. So here
/// <see cref="VoiceBatchProviderOptions.AttemptTimeout"/> and <see cref="VoiceBatchProviderOptions.TotalTimeout"/> default to
/// <see cref="CreateTimeout"/> (5 minutes) instead of 30 seconds and 2 minutes. Set them lower if you prefer a hung read of
/// calls to fail sooner, knowing that a large create may then be reported as uncertain.</para>
/// </remarks>
public sealed class RetellOptions : VoiceBatchProviderOptions
{
    /// <summary>Retell's public API host.</summary>
    public static Uri PublicHost { get; } = new("https://api.retellai.com");

    /// <summary>The time Retell's own SDKs allow a batch create (300 seconds): the default of
    /// <see cref="VoiceBatchProviderOptions.AttemptTimeout"/> and <see cref="VoiceBatchProviderOptions.TotalTimeout"/> here.</summary>
    public static TimeSpan CreateTimeout { get; } = TimeSpan.FromSeconds(300);

    /// <summary>Creates the options with Retell's defaults (see the remarks on timeouts).</summary>
    public RetellOptions()
    {
        AttemptTimeout = CreateTimeout;
        TotalTimeout = CreateTimeout;
    }

    /// <summary>
    /// The Retell number (E.164, bought from or imported to Retell) a batch calls from when
    /// <see cref="CreateBatchRequest.FromPhoneNumber"/> is not set. Retell requires a caller number on every batch
    /// (<c>from_number</c>); null (the default) means every request must name one. Validated at start-up.
    /// </summary>
    public string? DefaultFromNumber { get; set; }

    internal override Uri? DefaultBaseAddress => PublicHost;

    /// <summary>Retell's own check: <see cref="DefaultFromNumber"/> must be E.164.</summary>
    internal override IEnumerable<string> VendorProblems(string section)
    {
        if (DefaultFromNumber is not null && !PhoneNumberNormalizer.IsInternational(DefaultFromNumber))
        {
            yield return $"DefaultFromNumber must be a number in E.164 form (a '+' and the country code) that the Retell account owns (set {section}:DefaultFromNumber).";
        }
    }
}
