using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static VoiceBatch.Tests.Providers.Bland.BlandTestServer;

namespace VoiceBatch.Tests.Providers.Bland;

/// <summary>GET /v2/batches/list?take&amp;skip, each item completed from its own logs.</summary>
public sealed class BlandListTests
{
    private BlandTestServer _bland = null!;

    [SetUp]
    public void SetUp() => _bland = new BlandTestServer();

    [TearDown]
    public void TearDown() => _bland.Dispose();

    private static string Item(string id, string pathway = "pw_1")
        => $$"""{"id": "{{id}}", "user_id": "org_1", "base_prompt": "{\"pathway_id\":\"{{pathway}}\"}", "created_at": "2026-03-14T09:00:00Z", "call_objects": [], "description": "Batch {{id}}"}""";

    private void Page(int skip, params string[] items)
        => _bland.Server.Given(Request.Create().WithPath("/v2/batches/list").WithParam("skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet())
            .RespondWith(Response.Create().WithBody($$"""{"data": [{{string.Join(",", items)}}], "errors": null}"""));

    private async Task<List<BatchCall>> ListAsync(BatchQuery? query = null)
    {
        var list = new List<BatchCall>();
        await foreach (var batch in _bland.Sdk.ListBatchesAsync(ProviderId.Bland, query)) list.Add(batch);
        return list;
    }

    [Test]
    public async Task Blands_own_list_example_reads_verbatim_with_each_batchs_logs()
    {
        _bland.Respond("GET", "/v2/batches/list", 200, Published.Read("bland/list-batches.response.json"));
        _bland.Respond("GET", "/v2/batches/652ad643-9gca-477c-97c3-9d8e6t74d7af/logs", 200, Published.Read("bland/get-batch-logs.response.json"));

        var batch = (await ListAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That((batch.Id, batch.Name), Is.EqualTo(("652ad643-9gca-477c-97c3-9d8e6t74d7af", "My first batch")));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(batch.Progress.Total, Is.EqualTo(1));
            Assert.That(_bland.Logged("GET", "/v2/batches/list").Single().RequestMessage!.Query!["take"].Single(), Is.EqualTo("100"));
        });
    }

    [Test]
    public async Task Pages_with_take_and_skip_until_a_short_page()
    {
        Page(0, Item("b1"), Item("b2"));
        Page(2, Item("b3"));
        foreach (var id in new[] { "b1", "b2", "b3" }) _bland.Respond("GET", $"/v2/batches/{id}/logs", 200, Logs(Lifecycle("in_progress", "2026-03-14T09:10:00Z")));

        var list = await ListAsync(new BatchQuery { PageSize = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(list.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2", "b3" }));
            Assert.That(list, Has.All.Matches<BatchCall>(b => b.Status == BatchStatus.Running));
            Assert.That(_bland.SentCount("GET", "/v2/batches/list"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_server_that_ignores_skip_does_not_loop()
    {
        _bland.Respond("GET", "/v2/batches/list", 200, $$"""{"data": [{{Item("b1")}}, {{Item("b2")}}], "errors": null}""");

        var list = await ListAsync(new BatchQuery { PageSize = 2 });

        Assert.That(list.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2" }));
        Assert.That(_bland.SentCount("GET", "/v2/batches/list"), Is.EqualTo(2));
    }

    [Test]
    public async Task Status_and_agent_are_filtered_locally_and_a_batch_without_logs_reads_unknown()
    {
        Page(0, Item("b1", "pw_a"), Item("b2", "pw_b"), Item("b3", "pw_a"));
        _bland.Respond("GET", "/v2/batches/b1/logs", 200, Logs(Lifecycle("in_progress", "2026-03-14T09:10:00Z")));
        _bland.Respond("GET", "/v2/batches/b2/logs", 200, Logs(Lifecycle("in_progress", "2026-03-14T09:10:00Z")));
        _bland.Respond("GET", "/v2/batches/b3/logs", 404, """{"data": null, "errors": [{"error": "NOT_FOUND", "message": "no logs"}]}""");

        var running = await ListAsync(new BatchQuery { AgentId = "pw_a", Status = BatchStatus.Running });
        var all = await ListAsync(new BatchQuery { AgentId = "pw_a" });

        Assert.That(running.Select(b => b.Id), Is.EqualTo(new[] { "b1" }));
        Assert.That(all.Select(b => (b.Id, b.Status)), Is.EqualTo(new[] { ("b1", BatchStatus.Running), ("b3", BatchStatus.Unknown) }));
    }

    [Test]
    public void An_error_inside_the_list_answer_is_typed()
    {
        _bland.Respond("GET", "/v2/batches/list", 200, """{"data": null, "errors": [{"error": "UNAUTHORIZED", "message": "Invalid API key"}]}""");

        Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => ListAsync());
    }
}
