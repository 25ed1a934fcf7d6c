using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;

namespace VoiceBatch.Tests.Providers.DialNexa;

public sealed class DialNexaCallsTests : DialNexaFixture
{
    private const string CallsPath = "/v1/calls";
    private const string LegacyPath = "/v1/call-logs/campaign/b1";

    private void AnswerCalls(string path, string idParam, string batchId, int page, string json, int status = 200)
        => Answer(Request.Create().WithPath(path).WithParam(idParam, batchId).WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet(), json, status);

    private void AnswerOlder(string batchId, int page, string json, int status = 200)
        => Answer(Request.Create().WithPath($"/v1/call-logs/campaign/{batchId}").WithParam("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet(), json, status);

    private static string Log(string id, string status = "completed") => $$"""{"id":"{{id}}","to_number":"+14155550101","status":"{{status}}"}""";

    [Test]
    public async Task Call_logs_page_until_a_page_is_shorter_than_the_limit()
    {
        AnswerCalls(CallsPath, "batch_call_id", "bat_q1r5sv9mdk3z", 1, Fixture("calls-page1.json"));
        AnswerCalls(CallsPath, "batch_call_id", "bat_q1r5sv9mdk3z", 2, $"[{Log("call_03", "busy")}]");

        var calls = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "bat_q1r5sv9mdk3z", new CallQuery { PageSize = 2 }));

        var first = calls[0];
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "call_01", "call_02", "call_03" }));
            Assert.That(Received("GET", CallsPath).Select(e => e.RequestMessage!.Query!["limit"].Single()), Is.All.EqualTo("2"));
            Assert.That(Received("GET", CallsPath), Has.Count.EqualTo(2));
            Assert.That(first.PhoneNumber, Is.EqualTo("+14155550101"));
            Assert.That(first.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(first.RawStatus, Is.EqualTo("completed"));
            Assert.That(first.Duration, Is.EqualTo(TimeSpan.FromSeconds(83)));
            Assert.That(first.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 5, 1, 11, 2, 3, TimeSpan.Zero)));
            Assert.That(first.RecordingUrl, Is.EqualTo(new Uri("https://recordings.dialnexa.com/call_01.mp3")));
            Assert.That(first.Variables, Is.Empty);
            Assert.That(first.Raw?.GetProperty("end_reason").GetString(), Is.EqualTo("agent_hangup"), "end_reason has no canonical field: it stays in Raw");
            Assert.That(calls[1].PhoneNumber, Is.EqualTo("4155550102"), "a number without country code cannot be made E.164: kept as sent");
            Assert.That(calls[1].Status, Is.EqualTo(CallStatus.NoAnswer));
            Assert.That(calls[1].RecordingUrl, Is.Null);
            Assert.That(calls[2].Status, Is.EqualTo(CallStatus.Busy));
        });
    }

    [TestCase("data")]
    [TestCase("items")]
    [TestCase("callLogs")]
    public async Task Wrapped_call_log_arrays_are_read(string key)
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, $$"""{"{{key}}":[{{Log("c1")}}],"total":1}""");

        var calls = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1"));

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "c1" }));
    }

    [Test]
    public async Task A_404_from_the_newer_route_falls_back_to_the_older_per_batch_route_for_every_page()
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, """{"statusCode":404,"message":"Cannot GET /v1/calls"}""", 404);
        AnswerOlder("b1", 1, $$$"""{"data":[{{{Log("c1")}}},{{{Log("c2")}}}],"meta":{"page":1,"limit":2,"totalPages":2}}""");
        AnswerOlder("b1", 2, $$$"""{"data":[{{{Log("c3")}}},{{{Log("c4")}}}],"meta":{"page":2,"limit":2,"totalPages":2}}""");

        var calls = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1", new CallQuery { PageSize = 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "c1", "c2", "c3", "c4" }));
            Assert.That(Received("GET", CallsPath), Has.Count.EqualTo(1), "the newer route is not asked again once it is known missing");
            Assert.That(Received("GET", LegacyPath), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void A_404_from_both_routes_is_BatchNotFoundException()
    {
        AnswerCalls(CallsPath, "batch_call_id", "gone", 1, """{"statusCode":404,"message":"Not Found"}""", 404);
        AnswerOlder("gone", 1, """{"statusCode":404,"message":"Batch not found"}""", 404);

        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "gone")));

        Assert.That(ex!.Message, Does.Contain("/v1/call-logs"));
    }

    [Test]
    public void A_404_on_a_later_page_of_the_newer_route_is_not_a_route_change()
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, $"[{Log("c1")},{Log("c2")}]");
        AnswerCalls(CallsPath, "batch_call_id", "b1", 2, """{"statusCode":404,"message":"Batch deleted"}""", 404);

        Assert.ThrowsAsync<BatchNotFoundException>(() => ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1", new CallQuery { PageSize = 2 })));
        Assert.That(Received("GET", LegacyPath), Is.Empty);
    }

    [Test]
    public async Task Logs_that_name_another_batch_are_dropped_and_rows_repeated_across_pages_are_read_once()
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, """[{"id":"c1","status":"completed","batch_id":"b1"},{"id":"c2","status":"completed","batch_id":"other"}]""");
        AnswerCalls(CallsPath, "batch_call_id", "b1", 2, """[{"id":"c1","status":"completed","batch_id":"b1"},{"id":"c3","status":"busy"}]""");
        AnswerCalls(CallsPath, "batch_call_id", "b1", 3, "[]");

        var calls = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1", new CallQuery { PageSize = 2 }));

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "c1", "c3" }));
            Assert.That(Received("GET", CallsPath).Select(r => r.RequestMessage!.Query!["created_at"].Single()), Is.All.EqualTo("asc"), "oldest first, so new logs do not shift rows onto later pages");
        });
    }

    [TestCase(500, "100")]
    [TestCase(0, "1")]
    public async Task Page_sizes_stay_within_what_both_doc_generations_accept(int pageSize, string sent)
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, "[]");

        await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1", new CallQuery { PageSize = pageSize }));

        Assert.That(Received("GET", CallsPath).Single().RequestMessage!.Query!["limit"].Single(), Is.EqualTo(sent));
    }

    [Test]
    public async Task DialNexas_current_and_older_call_log_examples_read_verbatim()
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, Published.Read("dialnexa/calls-list-200.json"));
        AnswerCalls(CallsPath, "batch_call_id", "b2", 1, """{"statusCode":404,"message":"Not Found"}""", 404);
        AnswerOlder("b2", 1, Published.Read("dialnexa/legacy-calls-list-200.json"));

        var current = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1"));
        var older = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b2"));

        Assert.Multiple(() =>
        {
            Assert.That(current.Select(c => c.PhoneNumber), Is.All.Not.Null, "to_number");
            Assert.That(current.Select(c => c.Duration), Is.All.Not.Null, "duration (seconds)");
            Assert.That(older.Select(c => c.PhoneNumber), Is.All.Not.Null, "to_phone_number");
            Assert.That(older.Select(c => c.Duration), Is.All.Not.Null, "duration_seconds");
        });
    }

    [Test]
    public async Task Status_filter_is_applied_locally_across_pages()
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, $"[{Log("c1", "completed")},{Log("c2", "busy")}]");
        AnswerCalls(CallsPath, "batch_call_id", "b1", 2, $"[{Log("c3", "no_answer")},{Log("c4", "did_not_pick")}]");
        AnswerCalls(CallsPath, "batch_call_id", "b1", 3, "[]");

        var calls = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1", new CallQuery { PageSize = 2, Status = CallStatus.NoAnswer }));

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "c3", "c4" }));
            Assert.That(Received("GET", CallsPath).Any(e => e.RequestMessage!.Query!.ContainsKey("status")), Is.False);
        });
    }

    [Test]
    public async Task Calls_are_streamed_lazily_and_extra_parameters_are_sent()
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, $"[{Log("c1")},{Log("c2")}]");
        AnswerCalls(CallsPath, "batch_call_id", "b1", 2, $"[{Log("c3")},{Log("c4")}]");

        await foreach (var call in Client.GetCallsAsync(ProviderId.DialNexa, "b1", new CallQuery { PageSize = 2, AdditionalParameters = { ["direction"] = "outbound" } }))
        {
            Assert.That(call.Id, Is.EqualTo("c1"));
            break;
        }

        var asked = Received("GET", CallsPath);
        Assert.Multiple(() =>
        {
            Assert.That(asked, Has.Count.EqualTo(1));
            Assert.That(asked.Single().RequestMessage!.Query!["direction"].Single(), Is.EqualTo("outbound"));
        });
    }

    [Test]
    public async Task Unparseable_numbers_are_kept_as_sent_and_odd_fields_read_as_null()
    {
        AnswerCalls(CallsPath, "batch_call_id", "b1", 1, """
            [{"id":7,"to_number":"sip:reception@example.com","status":"sent","duration":"n/a","createdAt":"yesterday","recording_url":"not a url"},
             {"id":"c2","status":null}]
            """);

        var calls = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1"));

        Assert.Multiple(() =>
        {
            Assert.That(calls[0].Id, Is.EqualTo("7"));
            Assert.That(calls[0].PhoneNumber, Is.EqualTo("sip:reception@example.com"));
            Assert.That(calls[0].Status, Is.EqualTo(CallStatus.Ringing));
            Assert.That(calls[0].Duration, Is.Null);
            Assert.That(calls[0].CreatedAt, Is.Null);
            Assert.That(calls[0].RecordingUrl, Is.Null);
            Assert.That(calls[1].PhoneNumber, Is.Null);
            Assert.That(calls[1].Status, Is.EqualTo(CallStatus.Unknown));
            Assert.That(calls[1].RawStatus, Is.Null);
        });
    }
}
