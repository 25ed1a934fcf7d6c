using Microsoft.Extensions.Time.Testing;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Providers.DialNexa;

/// <summary>A WireMock server standing in for api.dialnexa.com, and the SDK wired to it through real DI.</summary>
public abstract class DialNexaFixture
{
    /// <summary>The fake clock's "now" (tests that need the real clock call <see cref="UseClient"/> with fakeClock: false).</summary>
    protected static readonly DateTimeOffset Now = new(2024, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private TestClient? _client;

    protected WireMockServer Server { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; private set; } = null!;

    private protected TestClient Sdk => _client ??= UseClient();

    protected IBatchCallClient Client => Sdk.Client;

    [SetUp]
    public void StartServer()
    {
        Server = WireMockServer.Start();
        Clock = new FakeTimeProvider(Now);
    }

    [TearDown]
    public void StopServer()
    {
        _client?.Dispose();
        _client = null;
        Server.Stop();
        Server.Dispose();
    }

    /// <summary>Builds the client (once per test). The fake clock also drives Polly's delays, so tests that need a
    /// retry or a timeout to actually happen use the real clock.</summary>
    private protected TestClient UseClient(bool fakeClock = true, Action<DialNexaOptions>? tweak = null)
    {
        _client?.Dispose();
        _client = new TestClient(
            b => b.AddDialNexa(o =>
            {
                TestClient.Fast(o, Server.Url!);
                tweak?.Invoke(o);
            }),
            fakeClock ? s => s.AddSingleton<TimeProvider>(Clock) : null);
        return _client;
    }

    protected static string Fixture(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "DialNexa", name));

    protected void Answer(IRequestBuilder request, string json, int status = 200)
        => Server.Given(request).RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    protected IReadOnlyList<WireMock.Logging.ILogEntry> Received(string method, string path)
        => Server.LogEntries.Where(e => string.Equals(e.RequestMessage!.Method, method, StringComparison.OrdinalIgnoreCase) && e.RequestMessage.Path == path).ToList();

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    protected static CreateBatchRequest NewRequest(string agentId = "agt_abc123", params string[] phones)
    {
        var rows = (phones.Length == 0 ? ["+14155550101", "+14155550102"] : phones)
            .Select((p, i) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["phone_number"] = p,
                ["customer_name"] = "Customer " + (i + 1),
                ["loan_amount"] = (500000 - i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        return new CreateBatchRequest { AgentId = agentId, Contacts = ContactList.FromRows(rows) };
    }
}
