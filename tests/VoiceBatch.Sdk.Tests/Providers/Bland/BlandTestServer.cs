using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Providers.Bland;

/// <summary>
/// A WireMock Bland plus the SDK registered through real DI, a fixed clock, and a counter of the HTTP attempts that
/// actually left the client (innermost handler: it sees every retry, and requests WireMock logs only after a delay).
/// The fake clock also drives Polly's delays, so a test that needs a retry to happen passes <c>fakeClock: false</c>.
/// </summary>
internal sealed class BlandTestServer : VendorTestServer
{
    /// <summary>The fixed "now" of every test: 2026-03-14T09:30:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Bland's own "no logs yet" answer shape: an empty page.</summary>
    public const string NoLogs = """{"data": [], "errors": null}""";

    public BlandTestServer(Action<BlandOptions>? configure = null, bool fakeClock = true)
        : base(ProviderId.Bland, Now, fakeClock, (b, url) => b.AddBland(o =>
        {
            TestClient.Fast(o, url);
            configure?.Invoke(o);
        }))
    {
    }

    /// <summary>Answers GET /v2/batches/{id} with <paramref name="batch"/> and its logs with <paramref name="logs"/>.</summary>
    public void Batch(string id, string batch, string logs = NoLogs)
    {
        Respond("GET", $"/v2/batches/{id}", 200, batch);
        Respond("GET", $"/v2/batches/{id}/logs", 200, logs);
    }

    public JsonNode? Body(string method, string path) => JsonNode.Parse(Logged(method, path).Single().RequestMessage!.Body!);

    /// <summary>A batch metadata answer (<c>{data: {...}, errors: null}</c>).</summary>
    public static string Meta(string id, string basePrompt = """{\"pathway_id\":\"pw_1\"}""", string description = "Untitled Batch", string callObjects = "[]")
        => $$"""{"data": {"id": "{{id}}", "user_id": "org_1", "base_prompt": "{{basePrompt}}", "created_at": "2026-03-14T09:00:00.000Z", "call_objects": {{callObjects}}, "description": "{{description}}"}, "errors": null}""";

    /// <summary>A log page of the given events (each a JSON object), newest first.</summary>
    public static string Logs(params string[] events) => $$"""{"data": [{{string.Join(",", events)}}], "errors": null}""";

    public static string Lifecycle(string state, string at, string message = "Requested: 3. Validated: 3. Dispatched: 3. CPS: 1.5.", string id = "")
        => $$$"""{"id": "{{{(id.Length > 0 ? id : "lc-" + state + at)}}}", "batch_id": "b1", "org_id": "org_1", "event_type": "lifecycle", "timestamp": "{{{at}}}", "payload": {"message": "{{{message}}}", "state_change": "{{{state}}}"}}""";

    public static string Complete(string at, int total, int failed, int successful)
        => $$$"""{"id": "cp-{{{at}}}", "batch_id": "b1", "org_id": "org_1", "event_type": "complete", "timestamp": "{{{at}}}", "payload": {"calls_total": {{{total}}}, "calls_failed": {{{failed}}}, "calls_successful": {{{successful}}}}}""";
}
