using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using VoiceBatch.Tests.Support;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Bland;

/// <summary>
/// A WireMock Bland plus the SDK registered through real DI, a fixed clock, and a counter of the HTTP attempts that
/// actually left the client (innermost handler: it sees every retry, and requests WireMock logs only after a delay).
/// The fake clock also drives Polly's delays, so a test that needs a retry to happen passes <c>fakeClock: false</c>.
/// </summary>
internal sealed class BlandTestServer : IDisposable
{
    /// <summary>The fixed "now" of every test: 2026-03-14T09:30:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Bland's own "no logs yet" answer shape: an empty page.</summary>
    public const string NoLogs = """{"data": [], "errors": null}""";

    public BlandTestServer(Action<BlandOptions>? configure = null, bool fakeClock = true)
    {
        Server = WireMockServer.Start();
        Time = new FakeTimeProvider(Now);
        Client = new TestClient(
            b =>
            {
                b.AddBland(o =>
                {
                    TestClient.Fast(o, Server.Url!);
                    configure?.Invoke(o);
                });
                b.Services.AddHttpClient("VoiceBatch.bland").AddHttpMessageHandler(() => new CountingHandler(Sent));
            },
            fakeClock ? services => services.AddSingleton<TimeProvider>(Time) : null);
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; }

    public TestClient Client { get; }

    public IBatchCallClient Sdk => Client.Client;

    /// <summary>Every attempt sent, as "METHOD /path?query".</summary>
    public ConcurrentQueue<string> Sent { get; } = new();

    public int SentCount(string method, string path) => Sent.Count(s => s == $"{method} {path}" || s.StartsWith($"{method} {path}?", StringComparison.Ordinal));

    public void Respond(string method, string path, int status, string? body)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json");
        if (body is not null) response = response.WithBody(body);
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>Answers GET /v2/batches/{id} with <paramref name="batch"/> and its logs with <paramref name="logs"/>.</summary>
    public void Batch(string id, string batch, string logs = NoLogs)
    {
        Respond("GET", $"/v2/batches/{id}", 200, batch);
        Respond("GET", $"/v2/batches/{id}/logs", 200, logs);
    }

    public IReadOnlyList<ILogEntry> Logged(string method, string path)
        => Server.LogEntries.Where(e => e.RequestMessage!.Method == method && e.RequestMessage!.Path == path).ToList();

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

    public void Dispose()
    {
        Client.Dispose();
        Server.Stop();
        Server.Dispose();
    }

    private sealed class CountingHandler(ConcurrentQueue<string> sent) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            sent.Enqueue($"{request.Method} {request.RequestUri?.PathAndQuery}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
