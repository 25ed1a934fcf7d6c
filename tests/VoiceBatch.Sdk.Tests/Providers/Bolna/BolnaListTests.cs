using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.Bolna;

public sealed class BolnaListTests
{
    private const string Agent = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    private BolnaTestServer _bolna = null!;

    [SetUp]
    public void SetUp() => _bolna = new BolnaTestServer();

    [TearDown]
    public void TearDown() => _bolna.Dispose();

    private void StubList(string json)
        => _bolna.Server.Given(Request.Create().WithPath($"/batches/{Agent}/all").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(json));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items) list.Add(item);
        return list;
    }

    private const string TwoBatches = """
        [
          {"batch_id":"b1","status":"scheduled","file_name":"a.csv","valid_contacts":2,"created_at":"2024-01-23T05:14:37Z"},
          {"batch_id":"b2","status":"executed","file_name":"b.csv","valid_contacts":1,"agent_id":"other","execution_status":{"completed":1}}
        ]
        """;

    [Test]
    public async Task Lists_the_agents_bare_array_in_one_request()
    {
        StubList(TwoBatches);

        var batches = await ToListAsync(_bolna.Sdk.ListBatchesAsync(ProviderId.Bolna, new BatchQuery { AgentId = Agent }));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2" }));
            Assert.That(batches.Select(b => b.Status), Is.EqualTo(new[] { BatchStatus.Scheduled, BatchStatus.Completed }));
            Assert.That(batches[0].AgentId, Is.EqualTo(Agent), "the agent asked for, when the item does not say");
            Assert.That(batches[1].AgentId, Is.EqualTo("other"));
            Assert.That(batches[0].Name, Is.EqualTo("a.csv"));
            Assert.That(batches[0].Progress.Total, Is.EqualTo(2));
            Assert.That(batches[1].Raw?.GetProperty("batch_id").GetString(), Is.EqualTo("b2"), "Raw is the item, not the whole array");
            Assert.That(_bolna.Server.LogEntries, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Status_is_filtered_locally()
    {
        StubList(TwoBatches);

        var batches = await ToListAsync(_bolna.Sdk.ListBatchesAsync(ProviderId.Bolna, new BatchQuery { AgentId = Agent, Status = BatchStatus.Completed }));

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b2" }));
        Assert.That(_bolna.Server.LogEntries.Single().RequestMessage!.Query, Does.Not.ContainKey("status"));
    }

    [Test]
    public async Task An_item_with_an_odd_field_keeps_its_id_and_status()
    {
        StubList("""[{"batch_id":"b1","status":"queued","execution_status":"n/a"},{"batch_id":"b2","status":"running"}]""");

        var batches = await ToListAsync(_bolna.Sdk.ListBatchesAsync(ProviderId.Bolna, new BatchQuery { AgentId = Agent }));

        Assert.That(batches.Select(b => (b.Id, b.Status)), Is.EqualTo(new[] { ("b1", BatchStatus.Queued), ("b2", BatchStatus.Running) }));
    }

    [Test]
    public async Task Additional_parameters_are_sent_as_query_parameters()
    {
        StubList("[]");

        var batches = await ToListAsync(_bolna.Sdk.ListBatchesAsync(ProviderId.Bolna, new BatchQuery
        {
            AgentId = Agent,
            AdditionalParameters = new Dictionary<string, string> { ["include"] = "archived" },
        }));

        Assert.That(batches, Is.Empty);
        Assert.That(_bolna.Server.LogEntries.Single().RequestMessage!.Query!["include"].ToString(), Is.EqualTo("archived"));
    }

    [Test]
    public void Listing_without_an_agent_is_refused_before_sending()
    {
        Assert.Throws<ArgumentException>(() => _bolna.Sdk.ListBatchesAsync(ProviderId.Bolna, new BatchQuery()));
        Assert.That(_bolna.Server.LogEntries, Is.Empty);
    }

    [Test]
    public void A_list_that_is_not_an_array_is_a_response_error()
    {
        StubList("""{"message":"ok"}""");

        Assert.ThrowsAsync<VoiceBatchResponseException>(() => ToListAsync(_bolna.Sdk.ListBatchesAsync(ProviderId.Bolna, new BatchQuery { AgentId = Agent })));
    }
}
