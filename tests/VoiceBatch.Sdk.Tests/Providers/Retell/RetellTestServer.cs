using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using VoiceBatch.Tests.Support;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.Retell;

/// <summary>
/// A WireMock Retell plus the SDK registered through real DI, a fake clock, and a counter of the HTTP attempts that actually
/// left the client (innermost handler: it sees every retry, and requests WireMock logs only after a delayed answer).
/// </summary>
internal sealed class RetellTestServer : IDisposable
{
    public const string Create = "/create-batch-call";
    public const string ListCalls = "/v3/list-calls";

    /// <summary>The fixed "now" of every test: 2026-03-14T09:30:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public RetellTestServer(Action<RetellOptions>? configure = null)
    {
        Server = WireMockServer.Start();
        Time = new FakeTimeProvider(Now);
        Client = new TestClient(
            b =>
            {
                b.AddRetell(o =>
                {
                    TestClient.Fast(o, Server.Url!);
                    configure?.Invoke(o);
                });
                b.Services.AddHttpClient("VoiceBatch.retell").AddHttpMessageHandler(() => new CountingHandler(Sent));
            },
            services => services.AddSingleton<TimeProvider>(Time));
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; }

    public TestClient Client { get; }

    public IBatchCallClient Sdk => Client.Client;

    /// <summary>Every attempt sent, as "METHOD /path".</summary>
    public ConcurrentQueue<string> Sent { get; } = new();

    public int SentCount(string method, string path) => Sent.Count(s => s == $"{method} {path}");

    public void Respond(string path, int status, string? body)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json");
        if (body is not null) response = response.WithBody(body);
        Server.Given(Request.Create().WithPath(path).UsingPost()).RespondWith(response);
    }

    public IReadOnlyList<ILogEntry> Logged(string path) => Server.LogEntries.Where(e => e.RequestMessage!.Method == "POST" && e.RequestMessage!.Path == path).ToList();

    /// <summary>The JSON bodies POSTed to <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<JsonNode> Bodies(string path) => Logged(path).Select(e => JsonNode.Parse(e.RequestMessage!.Body!)!).ToList();

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
            sent.Enqueue($"{request.Method} {request.RequestUri?.AbsolutePath}");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
