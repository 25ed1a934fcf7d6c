using VoiceBatch.Contacts;
namespace VoiceBatch;

/// <summary>
/// Synthflow settings (configuration section <c>VoiceBatch:Synthflow</c>). The key is sent as <c>Authorization: Bearer</c>.
/// The host follows <see cref="Region"/> unless <see cref="VoiceBatchProviderOptions.BaseAddress"/> is set; either way the
/// SDK adds Synthflow's <c>/v2</c> path itself, so <see cref="VoiceBatchProviderOptions.BaseAddress"/> is a host
/// (<c>https://api.eu.synthflow.ai</c>), not Synthflow's "base URL" with <c>/v2</c> (that is refused at start-up rather than
/// sent to <c>/v2/v2/…</c>).
/// </summary>
public sealed class SynthflowOptions : VoiceBatchProviderOptions
{
    /// <summary>Synthflow's global host (the default).</summary>
    public static Uri GlobalHost { get; } = new("https://api.synthflow.ai");

    /// <summary>Synthflow's United States host.</summary>
    public static Uri USHost { get; } = new("https://api.us.synthflow.ai");

    /// <summary>Synthflow's European Union host.</summary>
    public static Uri EUHost { get; } = new("https://api.eu.synthflow.ai");

    /// <summary>The workspace's region, which picks the host when <see cref="VoiceBatchProviderOptions.BaseAddress"/> is not
    /// set. Default <see cref="SynthflowRegion.Global"/>. Use the region your workspace was provisioned in: a third-party
    /// client (<c>RosenAdvertising/synthflow-mcp</c>, <c>synthflow_mcp/client.py</c>) reports that the global host does not
    /// route to US-provisioned accounts.</summary>
    public SynthflowRegion Region { get; set; } = SynthflowRegion.Global;

    /// <summary>
    /// The caller ID (E.164, e.g. <c>+16286666348</c>) used when <see cref="CreateBatchRequest.FromPhoneNumber"/> is not
    /// set. Synthflow needs a <c>from_phone_number</c> for every new batch, so a create with neither is refused before
    /// anything is sent. Null (the default) sets none.
    /// </summary>
    public string? FromPhoneNumber { get; set; }

    /// <summary>The host of <paramref name="region"/>.</summary>
    /// <param name="region">A Synthflow region.</param>
    /// <returns>The region's API host.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="region"/> is not a defined region.</exception>
    public static Uri HostOf(SynthflowRegion region) => region switch
    {
        SynthflowRegion.Global => GlobalHost,
        SynthflowRegion.US => USHost,
        SynthflowRegion.EU => EUHost,
        _ => throw new ArgumentOutOfRangeException(nameof(region), region, "Not a Synthflow region."),
    };

    internal override Uri? DefaultBaseAddress => Enum.IsDefined(Region) ? HostOf(Region) : GlobalHost;

    /// <summary>Synthflow's own checks: a defined <see cref="Region"/>, a host without Synthflow's <c>/v2</c> path (the SDK
    /// adds it), and an E.164 <see cref="FromPhoneNumber"/>.</summary>
    internal override IEnumerable<string> VendorProblems(string section)
    {
        if (!Enum.IsDefined(Region)) yield return $"Region must be Global, US or EU (set {section}:Region).";
        if (BaseAddress is { IsAbsoluteUri: true } address && address.AbsolutePath.TrimEnd('/').EndsWith("/v2", StringComparison.OrdinalIgnoreCase))
        {
            yield return $"BaseAddress is a host such as https://api.eu.synthflow.ai, without Synthflow's /v2 path "
                         + $"(the SDK adds it; '{address.GetLeftPart(UriPartial.Authority)}{address.AbsolutePath}' would be called as …/v2/v2/…). Set {section}:BaseAddress.";
        }

        if (!string.IsNullOrWhiteSpace(FromPhoneNumber) && !PhoneNumberNormalizer.IsInternational(FromPhoneNumber))
        {
            yield return $"FromPhoneNumber must be a caller ID in E.164 (a '+', the country code and the number; set {section}:FromPhoneNumber).";
        }
    }
}
