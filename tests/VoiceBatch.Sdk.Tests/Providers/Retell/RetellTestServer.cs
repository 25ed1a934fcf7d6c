using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;
using WireMock.Logging;

namespace VoiceBatch.Tests.Providers.Retell;

/// <summary>
/// A WireMock Retell plus the SDK registered through real DI, a fake clock, and a counter of the HTTP attempts that actually
/// left the client (innermost handler: it sees every retry, and requests WireMock logs only after a delayed answer).
/// </summary>
internal sealed class RetellTestServer : VendorTestServer
{
    public const string Create = "/create-batch-call";
    public const string ListCalls = "/v3/list-calls";

    /// <summary>The fixed "now" of every test: 2026-03-14T09:30:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public RetellTestServer(Action<RetellOptions>? configure = null)
        : base(ProviderId.Retell, Now, fakeClock: true, (b, url) => b.AddRetell(o =>
        {
            TestClient.Fast(o, url);
            configure?.Invoke(o);
        }))
    {
    }

    /// <summary>Every Retell route is a POST.</summary>
    public void Respond(string path, int status, string? body) => Respond("POST", path, status, body);

    public IReadOnlyList<ILogEntry> Logged(string path) => Logged("POST", path);

    /// <summary>The JSON bodies POSTed to <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<JsonNode> Bodies(string path) => Logged(path).Select(e => JsonNode.Parse(e.RequestMessage!.Body!)!).ToList();
}
