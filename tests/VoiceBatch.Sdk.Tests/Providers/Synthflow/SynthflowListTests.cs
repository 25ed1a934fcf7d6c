namespace VoiceBatch.Tests.Providers.Synthflow;

public sealed class SynthflowListTests
{
    private const string ListPath = "/v2/calls/batch";
    private SynthflowTestServer _sf = null!;

    [SetUp]
    public void SetUp() => _sf = new SynthflowTestServer();

    [TearDown]
    public void TearDown() => _sf.Dispose();

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    private void StubPage(int offset, int total, params string[] items)
        => _sf.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(ListPath).UsingGet().WithParam("offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithBody(SynthflowTestServer.Ok(
                $$"""{"pagination":{"total_records":{{total}},"limit":2,"offset":{{offset}}},"batch_calls":[{{string.Join(",", items)}}]}""")));

    [Test]
    public async Task Pages_by_limit_and_offset_until_total_records()
    {
        StubPage(0, 5, SynthflowTestServer.Batch("b5"), SynthflowTestServer.Batch("b4"));
        StubPage(2, 5, SynthflowTestServer.Batch("b3"), SynthflowTestServer.Batch("b2"));
        StubPage(4, 5, SynthflowTestServer.Batch("b1"));

        var batches = await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { PageSize = 2 }));

        var queries = _sf.Logged("GET", ListPath).Select(r => (r.RequestMessage!.Query!["limit"].ToString(), r.RequestMessage.Query["offset"].ToString())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b5", "b4", "b3", "b2", "b1" }));
            Assert.That(queries, Is.EqualTo(new[] { ("2", "0"), ("2", "2"), ("2", "4") }));
            Assert.That(batches[0].Raw?.GetProperty("batch_call_id").GetString(), Is.EqualTo("b5"), "Raw is the item");
        });
    }

    [Test]
    public async Task Page_size_defaults_to_100_and_is_capped_at_100()
    {
        _sf.Answer("GET", ListPath, SynthflowTestServer.Ok("""{"pagination":{"total_records":0,"limit":100,"offset":0},"batch_calls":[]}"""));

        await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow));
        await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { PageSize = 500 }));
        await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { PageSize = 0 }));

        Assert.That(_sf.Server.LogEntries.Select(e => e.RequestMessage!.Query!["limit"].ToString()), Is.EqualTo(new[] { "100", "100", "1" }));
    }

    [Test]
    public async Task Without_total_records_a_short_page_ends_the_list()
    {
        _sf.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(ListPath).UsingGet().WithParam("offset", "0"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody(SynthflowTestServer.Ok($$"""{"batch_calls":[{{SynthflowTestServer.Batch("b2")}},{{SynthflowTestServer.Batch("b1")}}]}""")));
        _sf.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath(ListPath).UsingGet().WithParam("offset", "2"))
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithBody(SynthflowTestServer.Ok($$"""{"batch_calls":[{{SynthflowTestServer.Batch("b0")}}]}""")));

        var batches = await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { PageSize = 2 }));

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b2", "b1", "b0" }));
        Assert.That(_sf.Server.LogEntries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_empty_page_stops_even_if_total_records_says_more()
    {
        StubPage(0, 9, SynthflowTestServer.Batch("b1"), SynthflowTestServer.Batch("b2"));
        StubPage(2, 9);

        var batches = await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { PageSize = 2 }));

        Assert.That(batches, Has.Count.EqualTo(2));
        Assert.That(_sf.Server.LogEntries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_batch_repeated_because_a_newer_one_shifted_the_offsets_is_listed_once()
    {
        StubPage(0, 4, SynthflowTestServer.Batch("b3"), SynthflowTestServer.Batch("b2"));
        StubPage(2, 4, SynthflowTestServer.Batch("b2"), SynthflowTestServer.Batch("b1"));

        var batches = await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { PageSize = 2 }));

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b3", "b2", "b1" }));
    }

    [Test]
    public async Task A_server_that_ignores_the_offset_ends_the_list_instead_of_repeating_it()
    {
        _sf.Answer("GET", ListPath, SynthflowTestServer.Ok($$"""{"batch_calls":[{{SynthflowTestServer.Batch("b2")}},{{SynthflowTestServer.Batch("b1")}}]}"""));

        var batches = await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { PageSize = 2 }));

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b2", "b1" }));
        Assert.That(_sf.Server.LogEntries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Status_and_agent_are_filtered_locally()
    {
        _sf.Answer("GET", ListPath, SynthflowTestServer.Ok($$"""
            {"pagination":{"total_records":3,"limit":100,"offset":0},"batch_calls":[
              {{SynthflowTestServer.Batch("b3", status: "completed", model: "agent-1")}},
              {{SynthflowTestServer.Batch("b2", status: "completed", model: "agent-2")}},
              {{SynthflowTestServer.Batch("b1", status: "paused", model: "agent-1")}}]}
            """));

        var done = await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { Status = BatchStatus.Completed, AgentId = "agent-1" }));

        Assert.Multiple(() =>
        {
            Assert.That(done.Select(b => b.Id), Is.EqualTo(new[] { "b3" }));
            Assert.That(_sf.Server.LogEntries.Single().RequestMessage!.Query!.Keys, Is.EquivalentTo(new[] { "limit", "offset" }), "Synthflow filters by neither");
        });
    }

    [Test]
    public void An_agent_filter_on_items_that_name_no_agent_is_refused_rather_than_hiding_everything()
    {
        _sf.Answer("GET", ListPath, SynthflowTestServer.Ok($$"""{"pagination":{"total_records":1},"batch_calls":[{{SynthflowTestServer.Batch("b1", model: null)}}]}"""));

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { AgentId = "agent-1" })));

        Assert.That(ex!.Message, Does.Contain("AgentId"));
    }

    [Test]
    public async Task Additional_parameters_are_sent_as_given()
    {
        _sf.Answer("GET", ListPath, SynthflowTestServer.Ok("""{"batch_calls":[]}"""));

        await ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow, new BatchQuery { AdditionalParameters = new Dictionary<string, string> { ["model_id"] = "agent-1" } }));

        Assert.That(_sf.Server.LogEntries.Single().RequestMessage!.Query!["model_id"].ToString(), Is.EqualTo("agent-1"));
    }

    [TestCase("""{"status":"ok","response":{"pagination":{}}}""")]
    [TestCase("""{"status":"ok","response":{"batch_calls":"none"}}""")]
    [TestCase("""{"status":"ok"}""")]
    public void A_page_without_a_batch_calls_list_is_a_response_error(string body)
    {
        _sf.Answer("GET", ListPath, body);

        Assert.ThrowsAsync<VoiceBatchResponseException>(() => ToListAsync(_sf.Sdk.ListBatchesAsync(ProviderId.Synthflow)));
    }
}
