using VoiceBatch.Tests.Support;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.VoiceAI;

public sealed class VoiceAIListBatchesTests
{
    private const string Workspace = VoiceAITestHost.Root + "/workspace";

    private VoiceAITestHost _host = null!;

    [SetUp]
    public void SetUp() => _host = new VoiceAITestHost();

    [TearDown]
    public void TearDown() => _host.Dispose();

    /// <summary>Answers the page asked for with <paramref name="lastDoc"/> (null = the first page, asked without last_doc).</summary>
    private void Page(string? lastDoc, string body)
    {
        var request = Request.Create().WithPath(Workspace).UsingGet();
        request = lastDoc is null
            ? request.WithParam("last_doc", MatchBehaviour.RejectOnMatch)
            : request.WithParam("last_doc", lastDoc);
        _host.Server.Given(request).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
    }

    private static string Item(string id, string status, int scheduled = 10) =>
        $$"""{ "id": "{{id}}", "name": "Batch {{id}}", "agent_id": "agent_42", "status": "{{status}}", "total_calls_scheduled": {{scheduled}}, "total_calls_dispatched": 4, "total_calls_finished": 3 }""";

    private async Task<List<BatchCall>> ListAsync(BatchQuery? query = null)
    {
        var result = new List<BatchCall>();
        await foreach (var batch in _host.Sdk.ListBatchesAsync(ProviderId.VoiceAI, query)) result.Add(batch);
        return result;
    }

    private IReadOnlyList<WireMock.Logging.ILogEntry> Requests() => _host.Logged("GET", Workspace);

    [Test]
    public async Task Pages_follow_next_doc_as_last_doc_until_has_more_is_false()
    {
        Page(null, $$"""{ "batch_calls": [ {{Item("a", "completed")}}, {{Item("b", "in_progress")}} ], "next_doc": "cur-1", "has_more": true }""");
        Page("cur-1", $$"""{ "batch_calls": [ {{Item("c", "pending")}} ], "next_doc": "cur-2", "has_more": true }""");
        Page("cur-2", $$"""{ "batch_calls": [ {{Item("d", "failed")}} ], "next_doc": "cur-3", "has_more": false }""");

        var batches = await ListAsync(new BatchQuery { AgentId = "agent_42", PageSize = 2 });

        var requests = Requests();
        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "a", "b", "c", "d" }));
            Assert.That(batches.Select(b => b.Status), Is.EqualTo(new[] { BatchStatus.Completed, BatchStatus.Running, BatchStatus.Queued, BatchStatus.Failed }));
            Assert.That(requests, Has.Count.EqualTo(3), "has_more:false stops even though next_doc is set");
            Assert.That(requests[0].RequestMessage!.Query!.ContainsKey("last_doc"), Is.False);
            Assert.That(requests[1].RequestMessage!.Query!["last_doc"].Single(), Is.EqualTo("cur-1"));
            Assert.That(requests[2].RequestMessage!.Query!["last_doc"].Single(), Is.EqualTo("cur-2"));
            Assert.That(requests.Select(r => r.RequestMessage!.Query!["limit"].Single()), Is.All.EqualTo("2"));
            Assert.That(requests.Select(r => r.RequestMessage!.Query!.ContainsKey("agent_id")), Is.All.False, "ThreeTone's list has no agent_id parameter: agents are filtered locally");
            Assert.That(requests.Select(r => r.RequestMessage!.Headers!["x-api-key"].Single()), Is.All.EqualTo(Support.TestClient.CanaryKey));
        });
    }

    [Test]
    public async Task List_items_map_like_batches_with_their_own_raw_and_the_vendor_totals()
    {
        Page(null, $$"""{ "batch_calls": [ {{Item("a", "in_progress", scheduled: 10)}} ], "next_doc": null, "has_more": false }""");

        var batch = (await ListAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(batch.Provider, Is.EqualTo(ProviderId.VoiceAI));
            Assert.That(batch.Name, Is.EqualTo("Batch a"));
            Assert.That(batch.AgentId, Is.EqualTo("agent_42"));
            Assert.That(batch.Progress.Total, Is.EqualTo(10));
            Assert.That(batch.Progress.Finished, Is.EqualTo(3));
            Assert.That(batch.Progress.InProgress, Is.EqualTo(1));
            Assert.That(batch.Progress.Pending, Is.EqualTo(6));
            Assert.That(batch.Raw?.GetProperty("id").GetString(), Is.EqualTo("a"));
            Assert.That(batch.Raw?.TryGetProperty("batch_calls", out _), Is.False, "Raw is the item, not the page");
        });
    }

    [Test]
    public async Task No_query_sends_no_filters_and_asks_for_threetones_largest_page()
    {
        Page(null, """{ "batch_calls": [], "has_more": false }""");

        Assert.That(await ListAsync(), Is.Empty);
        Assert.That(Requests().Single().RequestMessage!.Query!.Keys, Is.EquivalentTo(new[] { "limit" }));
        Assert.That(Requests().Single().RequestMessage!.Query!["limit"].Single(), Is.EqualTo("500"), "ThreeTone: 1 <= limit <= 500");
    }

    [TestCase(0, "1")]
    [TestCase(-4, "1")]
    [TestCase(501, "500")]
    [TestCase(10_000, "500")]
    public async Task The_page_size_is_kept_within_threetones_bounds(int pageSize, string sent)
    {
        Page(null, """{ "batch_calls": [], "has_more": false }""");

        await ListAsync(new BatchQuery { PageSize = pageSize });

        Assert.That(Requests().Single().RequestMessage!.Query!["limit"].Single(), Is.EqualTo(sent));
    }

    [Test]
    public async Task Another_agents_batches_are_filtered_out_locally()
    {
        Page(null, $$"""{ "batch_calls": [ {{Item("a", "completed")}}, { "id": "x", "agent_id": "agent_other", "status": "completed" } ], "has_more": false }""");

        var batches = await ListAsync(new BatchQuery { AgentId = "agent_42" });

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "a" }));
    }

    [Test]
    public async Task ThreeTones_own_list_example_reads_verbatim()
    {
        Page(null, Published.Read("threetone/list-response.json"));

        var batches = await ListAsync();

        Assert.That(batches, Is.Not.Empty);
        Assert.That(batches.Select(b => b.Raw), Is.All.Not.Null);
    }

    [Test]
    public async Task A_null_next_doc_stops_even_when_has_more_says_otherwise()
    {
        Page(null, $$"""{ "batch_calls": [ {{Item("a", "completed")}} ], "next_doc": null, "has_more": true }""");

        var batches = await ListAsync();

        Assert.That(batches, Has.Count.EqualTo(1));
        Assert.That(Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_repeating_cursor_stops_paging()
    {
        Page(null, $$"""{ "batch_calls": [ {{Item("a", "completed")}} ], "next_doc": "same", "has_more": true }""");
        Page("same", $$"""{ "batch_calls": [ {{Item("b", "completed")}} ], "next_doc": "same", "has_more": true }""");

        var batches = await ListAsync();

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task An_empty_page_stops_paging_whatever_has_more_says()
    {
        Page(null, $$"""{ "batch_calls": [ {{Item("a", "completed")}} ], "next_doc": "cur-1", "has_more": true }""");
        Page("cur-1", """{ "batch_calls": [], "next_doc": "cur-2", "has_more": true }""");

        var batches = await ListAsync();

        Assert.That(batches, Has.Count.EqualTo(1));
        Assert.That(Requests(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_page_without_batch_calls_is_empty_and_stops()
    {
        Page(null, """{ "next_doc": "cur-1", "has_more": true }""");

        Assert.That(await ListAsync(), Is.Empty);
        Assert.That(Requests(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Status_is_filtered_locally_across_pages()
    {
        Page(null, $$"""{ "batch_calls": [ {{Item("a", "completed")}}, {{Item("b", "in_progress")}} ], "next_doc": "cur-1", "has_more": true }""");
        Page("cur-1", $$"""{ "batch_calls": [ {{Item("c", "completed")}}, {{Item("d", "cancelled")}} ], "has_more": false }""");

        var batches = await ListAsync(new BatchQuery { Status = BatchStatus.Completed });

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "a", "c" }));
        Assert.That(Requests().Select(r => r.RequestMessage!.Query!.ContainsKey("status")), Is.All.False, "VoiceAI has no status filter");
    }

    [Test]
    public async Task Additional_parameters_are_sent_as_given()
    {
        Page(null, """{ "batch_calls": [], "has_more": false }""");

        await ListAsync(new BatchQuery { AdditionalParameters = { ["branch_id"] = "br_9" } });

        Assert.That(Requests().Single().RequestMessage!.Query!["branch_id"].Single(), Is.EqualTo("br_9"));
    }

    [Test]
    public async Task An_item_of_an_unexpected_shape_is_kept_as_unknown()
    {
        Page(null, $$"""{ "batch_calls": [ { "id": "odd", "status": 7 }, {{Item("a", "completed")}} ], "has_more": false }""");

        var batches = await ListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(batches, Has.Count.EqualTo(2));
            Assert.That(batches[0].Id, Is.EqualTo("odd"));
            Assert.That(batches[0].Status, Is.EqualTo(BatchStatus.Unknown));
            Assert.That(batches[0].Raw?.GetProperty("status").GetInt32(), Is.EqualTo(7));
            Assert.That(batches[1].Status, Is.EqualTo(BatchStatus.Completed));
        });
    }

    [Test]
    public async Task Paging_is_lazy()
    {
        Page(null, $$"""{ "batch_calls": [ {{Item("a", "completed")}} ], "next_doc": "cur-1", "has_more": true }""");
        Page("cur-1", $$"""{ "batch_calls": [ {{Item("b", "completed")}} ], "has_more": false }""");

        await foreach (var batch in _host.Sdk.ListBatchesAsync(ProviderId.VoiceAI))
        {
            Assert.That(batch.Id, Is.EqualTo("a"));
            break;
        }

        Assert.That(Requests(), Has.Count.EqualTo(1));
    }
}
