using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Support;

/// <summary>
/// What every vendor's test server shares: a WireMock vendor, the SDK registered through real DI against it, a fake clock
/// (the container's <see cref="TimeProvider"/> unless <c>fakeClock: false</c> — it also drives Polly's delays, so a test
/// that needs a retry to happen passes false), and a record of the HTTP attempts that actually left the client (an
/// innermost handler: it sees every retry, and requests WireMock logs only after a delayed answer). A vendor's server adds
/// its paths and answer builders.
/// </summary>
internal abstract class VendorTestServer : IDisposable
{
    /// <param name="provider">The vendor (its HTTP client is <c>VoiceBatch.&lt;id&gt;</c>).</param>
    /// <param name="now">The fake clock's start.</param>
    /// <param name="fakeClock">Whether the container's clock is the fake one.</param>
    /// <param name="register">Registers the vendor on the builder against the given WireMock address.</param>
    protected VendorTestServer(ProviderId provider, DateTimeOffset now, bool fakeClock, Action<VoiceBatchBuilder, string> register)
    {
        Server = WireMockServer.Start();
        Time = new FakeTimeProvider(now);
        Client = new TestClient(
            b =>
            {
                register(b, Server.Url!);
                b.Services.AddHttpClient("VoiceBatch." + provider.Value).AddHttpMessageHandler(() => new CountingHandler(Sent));
            },
            fakeClock ? services => services.AddSingleton<TimeProvider>(Time) : null);
    }

    public WireMockServer Server { get; }

    public FakeTimeProvider Time { get; }

    public TestClient Client { get; }

    public IBatchCallClient Sdk => Client.Client;

    /// <summary>Every attempt sent, as "METHOD /path?query".</summary>
    public ConcurrentQueue<string> Sent { get; } = new();

    /// <summary>How many attempts went to <paramref name="method"/> <paramref name="path"/> (any query).</summary>
    public int SentCount(string method, string path) => Sent.Count(s => s == $"{method} {path}" || s.StartsWith($"{method} {path}?", StringComparison.Ordinal));

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a JSON <paramref name="body"/> (none when null).</summary>
    public void Respond(string method, string path, int status, string? body, TimeSpan? delay = null)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json");
        if (body is not null) response = response.WithBody(body);
        if (delay is { } d) response = response.WithDelay(d);
        Server.Given(Request.Create().WithPath(path).UsingMethod(method)).RespondWith(response);
    }

    /// <summary>The requests WireMock received for <paramref name="method"/> <paramref name="path"/>, in order.</summary>
    public IReadOnlyList<ILogEntry> Logged(string method, string path)
        => Server.LogEntries.Where(e => e.RequestMessage!.Method == method && e.RequestMessage!.Path == path).ToList();

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
