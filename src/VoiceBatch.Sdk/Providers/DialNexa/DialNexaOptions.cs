namespace VoiceBatch;

/// <summary>DialNexa settings (configuration section <c>VoiceBatch:DialNexa</c>). <see cref="VoiceBatchProviderOptions.BaseAddress"/>
/// defaults to <c>https://api.dialnexa.com</c> (paths are under <c>/v1</c>); the key is sent as <c>Authorization: Bearer</c>.</summary>
public sealed class DialNexaOptions : VoiceBatchProviderOptions
{
    /// <summary>DialNexa's public host.</summary>
    public static Uri PublicHost { get; } = new("https://api.dialnexa.com");

    internal override Uri? DefaultBaseAddress => PublicHost;
}
