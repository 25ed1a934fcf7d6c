using System.Text.Json;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Providers.VoiceAI;

/// <summary>
/// A WireMock VoiceAI plus the SDK registered through real DI, a fixed clock, and a counter of the HTTP attempts
/// that actually left the client (innermost handler: it sees every retry, and requests WireMock logs only after a delay).
/// </summary>
internal sealed class VoiceAITestHost : VendorTestServer
{
    public const string Root = "/v1/voiceai/batch-calling";

    /// <summary>The fixed "now" of every test: 2026-03-14T09:30:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public VoiceAITestHost(Action<VoiceAIOptions>? configure = null)
        : base(ProviderId.VoiceAI, Now, fakeClock: true, (b, url) => b.AddVoiceAI(o =>
        {
            TestClient.Fast(o, url);
            configure?.Invoke(o);
        }))
    {
    }

    public static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }
}
