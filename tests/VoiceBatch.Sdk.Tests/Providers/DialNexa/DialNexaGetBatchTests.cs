using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;

namespace VoiceBatch.Tests.Providers.DialNexa;

public sealed class DialNexaGetBatchTests : DialNexaFixture
{
    [Test]
    public async Task Schema_seed_reads_total_leads_completed_failed()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/batch_abc123").UsingGet()
            .WithHeader("Authorization", "Bearer " + TestClient.CanaryKey), Seeds.Read(Seeds.DialNexaGetSchema));

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "batch_abc123");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Provider, Is.EqualTo(ProviderId.DialNexa));
            Assert.That(batch.Id, Is.EqualTo("batch_abc123"));
            Assert.That(batch.Name, Is.EqualTo("May Follow-Up Campaign"));
            Assert.That(batch.AgentId, Is.EqualTo("agt_abc123"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(batch.RawStatus, Is.EqualTo("completed"));
            Assert.That(batch.IsTerminal, Is.True);
            Assert.That(batch.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero)));
            Assert.That(batch.Progress.Total, Is.EqualTo(250));
            Assert.That(batch.Progress.Completed, Is.EqualTo(235));
            Assert.That(batch.Progress.Failed, Is.EqualTo(15));
            Assert.That(batch.Progress.InProgress, Is.Zero);
            Assert.That(batch.Progress.Finished, Is.EqualTo(250));
            Assert.That(batch.Progress.Pending, Is.Zero);
            Assert.That(batch.Progress.Fraction, Is.EqualTo(1d));
            Assert.That(batch.Calls, Is.Empty);
            Assert.That(batch.Raw?.GetProperty("total_leads").GetInt32(), Is.EqualTo(250));
        });
    }

    [Test]
    public async Task Prose_seed_reads_total_calls_completed_calls()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/bat_q1r5sv9mdk3z").UsingGet(), Seeds.Read(Seeds.DialNexaGetProse));

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "bat_q1r5sv9mdk3z");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("bat_q1r5sv9mdk3z"));
            Assert.That(batch.Name, Is.EqualTo("May Follow-Up Run"));
            Assert.That(batch.AgentId, Is.EqualTo("agt_k7m2nq9xw4p8"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(batch.RawStatus, Is.EqualTo("processing"));
            Assert.That(batch.Progress.Total, Is.EqualTo(250));
            Assert.That(batch.Progress.Completed, Is.Zero);
            Assert.That(batch.Progress.Failed, Is.Zero);
            Assert.That(batch.Progress.Pending, Is.EqualTo(250));
            Assert.That(batch.Progress.Fraction, Is.EqualTo(0d));
            Assert.That(batch.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 11, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task Schema_counters_win_over_prose_counters_when_both_are_sent()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/b1").UsingGet(), """
            {"id":"b1","status":"running","total_leads":10,"total_calls":99,"completed":3,"completed_calls":98,"failed":"2","failed_calls":97}
            """);

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Progress.Total, Is.EqualTo(10));
            Assert.That(batch.Progress.Completed, Is.EqualTo(3));
            Assert.That(batch.Progress.Failed, Is.EqualTo(2), "a numeric string is read as a number");
            Assert.That(batch.Progress.Pending, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Call_log_answer_reads_as_a_batch_with_calls_and_counters_from_the_logs()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/bat_logs").UsingGet(), Fixture("get-call-logs.json"));

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "bat_logs");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("bat_logs"), "the shape has no batch id: the id asked for");
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Unknown));
            Assert.That(batch.RawStatus, Is.Null);
            Assert.That(batch.Calls, Has.Count.EqualTo(4));
            Assert.That(batch.Calls[0].PhoneNumber, Is.EqualTo("+14155550101"));
            Assert.That(batch.Calls[1].PhoneNumber, Is.EqualTo("+14155550102"), "a number without '+' is normalised to E.164");
            Assert.That(batch.Calls[2].Duration, Is.EqualTo(TimeSpan.FromSeconds(12.5)));
            Assert.That(batch.Calls[2].CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 11, 7, 0, TimeSpan.Zero)), "created_at is read when createdAt is absent");
            Assert.That(batch.Progress.Total, Is.EqualTo(4));
            Assert.That(batch.Progress.Completed, Is.EqualTo(1));
            Assert.That(batch.Progress.Failed, Is.EqualTo(1), "did_not_pick is NoAnswer, which counts as failed");
            Assert.That(batch.Progress.InProgress, Is.EqualTo(1));
            Assert.That(batch.Progress.Pending, Is.EqualTo(1));
            Assert.That(batch.Raw?.GetProperty("totalPages").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Call_log_answer_with_more_logs_than_the_page_counts_nothing_from_the_page()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/bat_big").UsingGet(), """
            {"callLogs":[{"id":"l1","status":"completed"},{"id":"l2","status":"completed"}],"total":500,"page":1,"limit":2,"totalPages":250}
            """);

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "bat_big");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Calls, Has.Count.EqualTo(2));
            Assert.That(batch.Progress.Total, Is.Null, "OA's total counts call logs (retries included), not contacts");
            Assert.That(batch.Progress.Completed, Is.Zero, "one page never stands for the whole batch");
        });
    }

    [Test]
    public async Task On_the_current_api_status_title_and_totals_come_from_the_batchs_list_item()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/batch_abc123").UsingGet(), Published.Read("dialnexa/get-200.json"));
        Answer(Request.Create().WithPath("/v1/batch-calls").UsingGet(), Published.Read("dialnexa/list-200.json"));

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "batch_abc123");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Queued), "the list item says waiting");
            Assert.That(batch.RawStatus, Is.EqualTo("waiting"));
            Assert.That(batch.Name, Is.EqualTo("Q3 Follow-up Batch"));
            Assert.That(batch.Progress.Total, Is.EqualTo(250), "total_records / total_lead_count, not the log count");
            Assert.That(batch.Calls, Has.Count.EqualTo(1), "the logs are the calls");
            Assert.That(Received("GET", "/v1/batch-calls/batch_abc123").Single().RequestMessage!.Query!["limit"].Single(), Is.EqualTo("200"), "OA's largest page of logs");
        });
    }

    [Test]
    public async Task Record_wrapped_in_data_is_read()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/b2").UsingGet(), """{"data":{"id":"b2","title":"Titled","status":"paused","total_calls":4}}""");

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "b2");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("b2"));
            Assert.That(batch.Name, Is.EqualTo("Titled"), "title is the name when name is absent");
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Paused));
            Assert.That(batch.Progress.Total, Is.EqualTo(4));
        });
    }

    [Test]
    public async Task Fields_of_unexpected_types_read_as_null_without_losing_the_batch()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/b3").UsingGet(), """
            {"id":12345,"name":{"oops":true},"status":"running","total_leads":"lots","completed":[1],"created_at":"not a date","updated_at":1714561200,"scheduled_at":null,"agent_id":77}
            """);

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "b3");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("12345"), "a numeric id is kept as its text");
            Assert.That(batch.AgentId, Is.EqualTo("77"));
            Assert.That(batch.Name, Is.Null);
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(batch.Progress.Total, Is.Null);
            Assert.That(batch.Progress.Completed, Is.Zero);
            Assert.That(batch.CreatedAt, Is.Null);
            Assert.That(batch.UpdatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1714561200)));
        });
    }

    [Test]
    public async Task Record_without_an_id_keeps_the_id_asked_for()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/b4").UsingGet(), """{"status":"draft"}""");

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "b4");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("b4"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Draft));
        });
    }

    [Test]
    public void Missing_batch_is_BatchNotFoundException()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/nope").UsingGet(), """{"statusCode":404,"message":"Batch call not found","error":"Not Found"}""", 404);

        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => Client.GetBatchAsync(ProviderId.DialNexa, "nope"));

        Assert.That(ex!.Message, Does.Contain("Batch call not found"));
        Assert.That(ex.ToString(), Does.Not.Contain(TestClient.CanaryKey));
    }

    [Test]
    public void Html_body_is_VoiceBatchResponseException()
    {
        Server.Given(Request.Create().WithPath("/v1/batch-calls/html").UsingGet())
            .RespondWith(WireMock.ResponseBuilders.Response.Create().WithStatusCode(200).WithHeader("Content-Type", "text/html").WithBody("<html>maintenance</html>"));

        Assert.ThrowsAsync<VoiceBatchResponseException>(() => Client.GetBatchAsync(ProviderId.DialNexa, "html"));
    }

    [Test]
    public async Task Batch_ids_are_escaped_in_the_path()
    {
        Answer(Request.Create().WithPath(new WireMock.Matchers.WildcardMatcher("/v1/batch-calls/*")).UsingGet(), """{"id":"a/b","status":"queued"}""");

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "a/b");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("a/b"));
            Assert.That(Server.LogEntries.Single().RequestMessage!.Url, Does.Contain("/v1/batch-calls/a%2Fb?").Or.EndWith("/v1/batch-calls/a%2Fb"), "a '/' in an id cannot reach another route");
        });
    }
}
