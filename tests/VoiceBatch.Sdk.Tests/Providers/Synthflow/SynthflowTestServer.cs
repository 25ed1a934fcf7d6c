using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;
using WireMock.Logging;

namespace VoiceBatch.Tests.Providers.Synthflow;

/// <summary>A WireMock server plus a real DI client with Synthflow registered (host = the server, so paths arrive under
/// <c>/v2</c> as on Synthflow's hosts) and a fake clock. The fake clock also drives Polly's delays, so a test that needs a
/// retry to actually happen passes <c>fakeClock: false</c>.</summary>
internal sealed class SynthflowTestServer : VendorTestServer
{
    public static readonly DateTimeOffset Now = new(2026, 6, 23, 15, 0, 0, TimeSpan.Zero);

    /// <summary>The caller ID of the guide's example.</summary>
    public const string From = "+16286666348";

    public SynthflowTestServer(Action<SynthflowOptions>? configure = null, bool fakeClock = true)
        : base(ProviderId.Synthflow, Now, fakeClock, (b, url) => b.AddSynthflow(o =>
        {
            TestClient.Fast(o, url);
            configure?.Invoke(o);
        }))
    {
    }

    /// <summary>The JSON body of a received request.</summary>
    public static JsonNode Body(ILogEntry entry) => JsonNode.Parse(entry.RequestMessage!.Body!)!;

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with <paramref name="body"/>.</summary>
    public void Answer(string method, string path, string body, int status = 200) => Respond(method, path, status, body);

    /// <summary><c>{"status":"ok","response": …}</c> around <paramref name="response"/>.</summary>
    public static string Ok(string response) => $$"""{"status":"ok","response":{{response}}}""";

    /// <summary>A batch object with the documented members.</summary>
    public static string Batch(string id = "b1", string status = "scheduled", int total = 10, int dispatched = 0, int failed = 0, int pending = 10, string? model = "agent-1")
        => $$"""{"batch_call_id":"{{id}}","name":"August re-engagement","status":"{{status}}","total_task_count":{{total}},"dispatched_count":{{dispatched}},"failed_count":{{failed}},"pending_count":{{pending}},"created_at":"2026-06-23T14:00:00Z"{{(model is null ? "" : $",\"model_id\":\"{model}\"")}}}""";
}
