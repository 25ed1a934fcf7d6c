namespace VoiceBatch;

/// <summary>Bolna settings (configuration section <c>VoiceBatch:Bolna</c>). <see cref="VoiceBatchProviderOptions.BaseAddress"/>
/// defaults to <c>https://api.bolna.ai</c>; the older <c>https://api.bolna.dev</c> shown in Bolna's docs works too.</summary>
public sealed class BolnaOptions : VoiceBatchProviderOptions
{
    /// <summary>Bolna's current public host.</summary>
    public static Uri PublicHost { get; } = new("https://api.bolna.ai");

    internal override Uri? DefaultBaseAddress => PublicHost;
}
