namespace VoiceBatch;

/// <summary>Bolna settings (configuration section <c>VoiceBatch:Bolna</c>). <see cref="VoiceBatchProviderOptions.BaseAddress"/>
/// defaults to <c>https://api.bolna.ai</c> (the older <c>https://api.bolna.dev</c> still seen in Bolna's examples is
/// deprecated by Bolna, but can be set here); the key is sent as <c>Authorization: Bearer</c>.</summary>
public sealed class BolnaOptions : VoiceBatchProviderOptions
{
    /// <summary>Bolna's current public host.</summary>
    public static Uri PublicHost { get; } = new("https://api.bolna.ai");

    /// <summary>Sent with every create as Bolna's <c>webhook_url</c>: Bolna POSTs the batch to it when the batch has been
    /// processed and again when all its executions are final. Null (the default) sends none.</summary>
    public Uri? WebhookUrl { get; set; }

    internal override Uri? DefaultBaseAddress => PublicHost;
}
