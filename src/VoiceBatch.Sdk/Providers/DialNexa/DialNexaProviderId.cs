namespace VoiceBatch;

public readonly partial struct ProviderId
{
    /// <summary>DialNexa (<c>"dialnexa"</c>): bearer-token API at <c>https://api.dialnexa.com/v1</c>.</summary>
    public static ProviderId DialNexa { get; } = new("dialnexa");
}
