using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace VoiceBatch.Tests.Http;

/// <summary>
/// Every vendor, every read and action, against bodies of the wrong shape on HTTP 200: each must end in success
/// (a tolerant read) or a typed <see cref="VoiceBatchException"/> — never a JsonException, InvalidOperationException,
/// NullReferenceException or a hang.
/// </summary>
public sealed class WrongShapeTests
{
    private static readonly string[] Bodies =
    [
        "[]",
        "[{}]",
        "{}",
        "\"text\"",
        "123",
        "null",
        "true",
        """{"status": 5, "data": "x", "recipients": {}, "execution_status": [], "callLogs": 7, "items": "a", "batch_calls": 1}""",
        """{"data": {"data": {"x": 1}, "total": "many", "totalPages": -3}, "status": true}""",
        """{"id": {"a": 1}, "batch_id": [], "total_leads": "lots", "created_at": 5, "recipients": [1, "x", null, {"status": {}}]}""",
        """{"batch_calls": [{"id": 7}], "has_more": true, "next_doc": "same"}""",
        """{"data": [{"id": null, "status": [], "telephony_data": "x", "context_details": 3}], "has_more": "yes"}""",
    ];

    private static readonly (ProviderId Provider, string Operation)[] Operations =
    [
        (ProviderId.DialNexa, "get"), (ProviderId.DialNexa, "calls"), (ProviderId.DialNexa, "list"), (ProviderId.DialNexa, "cancel"),
        (ProviderId.VoiceAI, "get"), (ProviderId.VoiceAI, "calls"), (ProviderId.VoiceAI, "list"), (ProviderId.VoiceAI, "cancel"),
        (ProviderId.BatchDetails, "get"), (ProviderId.BatchDetails, "calls"),
        (ProviderId.Bolna, "get"), (ProviderId.Bolna, "calls"), (ProviderId.Bolna, "list"), (ProviderId.Bolna, "cancel"),
        (ProviderId.Synthflow, "get"), (ProviderId.Synthflow, "calls"), (ProviderId.Synthflow, "list"), (ProviderId.Synthflow, "cancel"),
        (ProviderId.Bland, "get"), (ProviderId.Bland, "calls"), (ProviderId.Bland, "list"), (ProviderId.Bland, "cancel"),
        (ProviderId.ElevenLabs, "get"), (ProviderId.ElevenLabs, "calls"), (ProviderId.ElevenLabs, "list"), (ProviderId.ElevenLabs, "cancel"),
        (ProviderId.Retell, "calls"),
    ];

    private static IEnumerable<TestCaseData> Cases()
        => from op in Operations
           from body in Bodies
           select new TestCaseData(op.Provider.Value, op.Operation, body).SetName($"{op.Provider}_{op.Operation}_{Array.IndexOf(Bodies, body)}");

    private WireMockServer _server = null!;
    private TestClient _client = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = WireMockServer.Start();

    [OneTimeTearDown]
    public void StopServer()
    {
        _server.Stop();
        _server.Dispose();
    }

    [SetUp]
    public void SetUp()
    {
        _server.Reset();
        void Configure(VoiceBatchProviderOptions o)
        {
            TestClient.Fast(o, _server.Url!);
            o.MaxRetries = 0;
        }

        _client = new TestClient(b => b.AddDialNexa(Configure).AddVoiceAI(Configure).AddBatchDetails(Configure).AddBolna(Configure).AddSynthflow(Configure).AddBland(Configure)
            .AddElevenLabs(Configure).AddRetell(Configure));
    }

    [TearDown]
    public void TearDown() => _client.Dispose();

    [TestCaseSource(nameof(Cases))]
    public async Task Wrong_shapes_end_in_success_or_a_typed_error(string providerName, string operation, string body)
    {
        _server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        var provider = new ProviderId(providerName);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        try
        {
            switch (operation)
            {
                case "get":
                    await _client.Client.GetBatchAsync(provider, "b1", guard.Token);
                    break;
                case "calls":
                    await foreach (var _ in _client.Client.GetCallsAsync(provider, "b1", cancellationToken: guard.Token))
                    {
                    }

                    break;
                case "list":
                    await foreach (var _ in _client.Client.ListBatchesAsync(provider, new BatchQuery { AgentId = "agent-1" }, guard.Token))
                    {
                    }

                    break;
                case "cancel":
                    await _client.Client.CancelBatchAsync(provider, "b1", guard.Token);
                    break;
            }
        }
        catch (VoiceBatchException ex)
        {
            Assert.That(ex.Provider, Is.EqualTo(provider), ex.ToString());
        }

        Assert.That(guard.IsCancellationRequested, Is.False, "the operation must end by itself");
    }
}
