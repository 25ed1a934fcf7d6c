using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using VoiceBatch.Tests.Support;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.VoiceAI;

/// <summary>
/// A WireMock VoiceAI plus the SDK registered through real DI, a fixed clock, and a counter of the HTTP attempts
/// that actually left the client (innermost handler: it sees every retry, and requests WireMock logs only after a delay).
/// </summary>
internal sealed class VoiceAITestHost : IDisposable
{
    public const string Root = "/v1/voiceai/batch-calling";

    /// <summary>The fixed "now" of every test: 2026-03-14T09:30:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public VoiceAITestHost(Action<VoiceAIOptions>? configure = null)
    {
        Server = WireMockServer.Start();
        Time = new FakeTimeProvider(Now);
        Client = new TestClient(
            b =>
            {
                b.AddVoiceAI(o =>
                {
                    TestClient.Fast(o, Server.Url!);
                    configure?.Invoke(o);
                });
                b.Services.AddHttpClient("VoiceBatch.voiceai").AddHttpMessageHandler(() => new CountingHandler(Sent));
            },
            services => services.AddSingleton<TimeProvider>(Time));
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; }

    public TestClient Client { get; }

    public IBatchCallClient Sdk => Client.Client;

    /// <summary>Every attempt sent, as "METHOD /path?query".</summary>
    public ConcurrentQueue<string> Sent { get; } = new();

    public int SentCount(string method, string path) => Sent.Count(s => s.StartsWith($"{method} {path}", StringComparison.Ordinal) && (s.Length == method.Length + 1 + path.Length || s[method.Length + 1 + path.Length] == '?'));

    public void Respond(string method, string path, int status, string? body, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json");
        if (body is not null) response = response.WithBody(body);
        if (delay is { } d) response = response.WithDelay(d);
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    public IReadOnlyList<ILogEntry> Logged(string method, string path)
        => Server.LogEntries.Where(e => e.RequestMessage!.Method == method && e.RequestMessage!.Path == path).ToList();

    public static JsonElement Json(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

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
