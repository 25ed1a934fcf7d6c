using VoiceBatch.Tests.Support;
using WireMock.ResponseBuilders;
using WireMock.RequestBuilders;

namespace VoiceBatch.Tests.Providers.DialNexa;

public sealed class DialNexaListTests : DialNexaFixture
{
    private const string ListPath = "/v1/batch-calls";

    private void AnswerPage(int page, string json)
        => Answer(Request.Create().WithPath(ListPath).WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet(), json);

    private IReadOnlyList<string?> PagesAsked()
        => Received("GET", ListPath).OrderBy(e => e.RequestMessage!.DateTime).Select(e => e.RequestMessage!.Query!["page"].Single()).ToList();

    private static string Item(string id, string status = "running", string extra = "") => $$"""{"id":"{{id}}","status":"{{status}}"{{extra}}}""";

    [Test]
    public async Task OpenAPI_items_shape_pages_until_the_total_is_reached()
    {
        AnswerPage(1, $$$"""{"items":[{{{Item("b1")}}},{{{Item("b2")}}}],"total":5,"page":1,"limit":2}""");
        AnswerPage(2, $$$"""{"items":[{{{Item("b3")}}},{{{Item("b4")}}}],"total":5,"page":2,"limit":2}""");
        AnswerPage(3, $$$"""{"items":[{{{Item("b5")}}}],"total":5,"page":3,"limit":2}""");

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { PageSize = 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2", "b3", "b4", "b5" }));
            Assert.That(PagesAsked(), Is.EqualTo(new[] { "1", "2", "3" }));
            Assert.That(Received("GET", ListPath).Select(e => e.RequestMessage!.Query!["limit"].Single()), Is.All.EqualTo("2"));
            Assert.That(batches.All(b => b.Provider == ProviderId.DialNexa), Is.True);
        });
    }

    [Test]
    public async Task Older_data_meta_shape_pages_until_totalPages()
    {
        AnswerPage(1, $$$"""{"data":[{{{Item("b1")}}},{{{Item("b2")}}}],"meta":{"page":1,"limit":2,"total":4,"totalPages":2}}""");
        AnswerPage(2, $$$"""{"data":[{{{Item("b3")}}},{{{Item("b4")}}}],"meta":{"page":2,"limit":2,"total":4,"totalPages":2}}""");

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { PageSize = 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2", "b3", "b4" }));
            Assert.That(PagesAsked(), Is.EqualTo(new[] { "1", "2" }), "no request past totalPages");
        });
    }

    [Test]
    public async Task A_lying_totalPages_stops_at_the_first_empty_page()
    {
        AnswerPage(1, $$$"""{"data":[{{{Item("b1")}}},{{{Item("b2")}}}],"meta":{"page":1,"limit":2,"totalPages":50}}""");
        AnswerPage(2, """{"data":[],"meta":{"page":2,"limit":2,"totalPages":50}}""");
        AnswerPage(3, $$$"""{"data":[{{{Item("never")}}}],"meta":{"page":3,"limit":2,"totalPages":50}}""");

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { PageSize = 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2" }));
            Assert.That(PagesAsked(), Is.EqualTo(new[] { "1", "2" }));
        });
    }

    [Test]
    public async Task A_lying_totalPages_stops_at_a_short_page()
    {
        AnswerPage(1, $$$"""{"data":[{{{Item("b1")}}},{{{Item("b2")}}}],"meta":{"page":1,"limit":2,"totalPages":50}}""");
        AnswerPage(2, $$$"""{"data":[{{{Item("b3")}}}],"meta":{"page":2,"limit":2,"totalPages":50}}""");
        AnswerPage(3, $$$"""{"data":[{{{Item("never")}}}],"meta":{"page":3,"limit":2,"totalPages":50}}""");

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { PageSize = 2 }));

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2", "b3" }));
    }

    [Test]
    public async Task Full_pages_without_totals_end_on_an_empty_last_page()
    {
        AnswerPage(1, $$$"""{"items":[{{{Item("b1")}}},{{{Item("b2")}}}]}""");
        AnswerPage(2, $$$"""[{{{Item("b3")}}},{{{Item("b4")}}}]""");
        AnswerPage(3, """{"items":[]}""");

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { PageSize = 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2", "b3", "b4" }), "a bare array page is read too");
            Assert.That(PagesAsked(), Is.EqualTo(new[] { "1", "2", "3" }));
        });
    }

    [Test]
    public async Task A_vendor_capping_the_limit_is_paged_by_its_echoed_limit()
    {
        AnswerPage(1, $$$"""{"items":[{{{Item("b1")}}},{{{Item("b2")}}}],"page":1,"limit":2}""");
        AnswerPage(2, $$$"""{"items":[{{{Item("b3")}}}],"page":2,"limit":2}""");

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { PageSize = 100 }));

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b1", "b2", "b3" }), "2 of 100 is not a short page when the vendor says limit=2");
    }

    [Test]
    public async Task List_items_read_their_name_and_total_aliases()
    {
        AnswerPage(1, """
            {"items":[
              {"id":"b1","name":"Named","status":"running","total_leads":10},
              {"id":"b2","title":"Titled","status":"active","total_calls":20,"sent_lead_count":5,"picked_up_calls":3},
              {"id":"b3","title":"Records","status":"completed","total_records":30,"completed":28,"failed":2},
              {"id":"b4","name":"Leads","status":"paused","total_lead_count":40,"last_call_sent_at":"2024-05-01T10:00:00Z"}
            ]}
            """);

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Name), Is.EqualTo(new[] { "Named", "Titled", "Records", "Leads" }));
            Assert.That(batches.Select(b => b.Progress.Total), Is.EqualTo(new int?[] { 10, 20, 30, 40 }));
            Assert.That(batches.Select(b => b.Status), Is.EqualTo(new[] { BatchStatus.Running, BatchStatus.Queued, BatchStatus.Completed, BatchStatus.Paused }));
            Assert.That(batches[2].Progress.Finished, Is.EqualTo(30));
            Assert.That(batches[1].Raw?.GetProperty("picked_up_calls").GetInt32(), Is.EqualTo(3), "fields without a canonical home stay in Raw");
            Assert.That(batches[1].Raw?.TryGetProperty("id", out _), Is.True, "Raw is the item's own JSON");
            Assert.That(Received("GET", ListPath).Single().RequestMessage!.Query!["limit"].Single(), Is.EqualTo("50"), "the default page size");
        });
    }

    [TestCase(BatchStatus.Completed, "completed")]
    [TestCase(BatchStatus.Draft, "draft")]
    [TestCase(BatchStatus.Paused, "paused")]
    public async Task A_status_with_one_vendor_word_is_sent_and_still_filtered_locally(BatchStatus status, string word)
    {
        AnswerPage(1, $$$"""{"items":[{{{Item("match", word)}}},{{{Item("ignored-filter", "running")}}}]}""");

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { Status = status }));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "match" }));
            Assert.That(Received("GET", ListPath).Single().RequestMessage!.Query!["status"].Single(), Is.EqualTo(word));
        });
    }

    [TestCase(BatchStatus.Queued, "q", "waiting,active")]
    [TestCase(BatchStatus.Scheduled, "s", "scheduled,waiting,active")]
    [TestCase(BatchStatus.Running, "r", "running")]
    [TestCase(BatchStatus.Cancelled, "c", "cancelled,deleted")]
    [TestCase(BatchStatus.Failed, "f", null)]
    public async Task Statuses_are_sent_in_the_current_apis_words_and_always_filtered_locally(BatchStatus status, string expectedId, string? sent)
    {
        AnswerPage(1, """
            {"items":[
              {"id":"q","status":"waiting"},
              {"id":"s","status":"active","scheduled_at":"2024-06-03T00:00:00Z"},
              {"id":"r","status":"processing"},
              {"id":"c","status":"deleted"},
              {"id":"f","status":"failed"}
            ]}
            """);

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { Status = status }));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { expectedId }));
            var query = Received("GET", ListPath).Single().RequestMessage!.Query!;
            Assert.That(query.TryGetValue("status", out var word) ? word.Single() : null, Is.EqualTo(sent), "OA: comma-separated draft, waiting, scheduled, running, paused, completed, cancelled, deleted, legacy active");
        });
    }

    [Test]
    public async Task An_older_server_that_refuses_the_status_words_is_listed_unfiltered_and_filtered_locally()
    {
        Server.Given(Request.Create().WithPath(ListPath).WithParam("status", "running").UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(400).WithBody("""{"statusCode":400,"message":"Invalid query parameters.","error":"Bad Request"}"""));
        Server.Given(Request.Create().WithPath(ListPath).UsingGet().WithParam("page", "1"))
            .AtPriority(100)
            .RespondWith(Response.Create().WithBody("""{"data":[{"id":"r","status":"processing"},{"id":"x","status":"completed"}],"meta":{"page":1,"limit":50,"total":2,"totalPages":1}}"""));

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { Status = BatchStatus.Running }));

        Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "r" }));
        Assert.That(Received("GET", ListPath), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task DialNexas_own_list_example_reads_verbatim()
    {
        Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Response.Create().WithBody(Published.Read("dialnexa/list-200.json")));

        var batch = (await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa))).First();

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued), "waiting");
            Assert.That(batch.Name, Is.Not.Null, "OA list items carry title");
            Assert.That(batch.Progress.Total, Is.Not.Null, "total_records / total_lead_count");
        });
    }

    [Test]
    public void Filtering_by_agent_on_a_list_that_names_no_agents_is_refused_rather_than_empty()
    {
        Server.Given(Request.Create().WithPath(ListPath).UsingGet()).RespondWith(Response.Create().WithBody(Published.Read("dialnexa/list-200.json")));

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { AgentId = "agt_1" })));

        Assert.That(ex!.Message, Does.Contain("agent_id"));
    }

    [Test]
    public async Task Agent_filter_and_additional_parameters()
    {
        AnswerPage(1, """{"items":[{"id":"b1","status":"running","agent_id":"agt_1"},{"id":"b2","status":"running","agent_id":"agt_2"},{"id":"b3","status":"running"}]}""");

        var batches = await ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery
        {
            AgentId = "agt_1",
            AdditionalParameters = { ["search"] = "May" },
        }));

        Assert.Multiple(() =>
        {
            Assert.That(batches.Select(b => b.Id), Is.EqualTo(new[] { "b1" }));
            Assert.That(Received("GET", ListPath).Single().RequestMessage!.Query!["search"].Single(), Is.EqualTo("May"));
        });
    }

    [Test]
    public async Task Paging_is_lazy()
    {
        AnswerPage(1, $$$"""{"items":[{{{Item("b1")}}},{{{Item("b2")}}}],"total":100}""");
        AnswerPage(2, $$$"""{"items":[{{{Item("b3")}}},{{{Item("b4")}}}],"total":100}""");

        await foreach (var batch in Client.ListBatchesAsync(ProviderId.DialNexa, new BatchQuery { PageSize = 2 }))
        {
            Assert.That(batch.Id, Is.EqualTo("b1"));
            break;
        }

        Assert.That(PagesAsked(), Is.EqualTo(new[] { "1" }));
    }

    [Test]
    public void A_list_body_without_a_list_is_VoiceBatchResponseException()
    {
        AnswerPage(1, """{"batches":"nope"}""");

        Assert.ThrowsAsync<VoiceBatchResponseException>(() => ToListAsync(Client.ListBatchesAsync(ProviderId.DialNexa)));
    }
}
