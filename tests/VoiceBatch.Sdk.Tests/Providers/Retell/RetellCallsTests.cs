using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static VoiceBatch.Tests.Providers.Retell.RetellTestServer;

namespace VoiceBatch.Tests.Providers.Retell;

public sealed class RetellCallsTests
{
    private const string BatchId = "batch_call_dbcc4412483ebfc348abb";

    private RetellTestServer _retell = null!;

    [SetUp]
    public void SetUp() => _retell = new RetellTestServer();

    [TearDown]
    public void TearDown() => _retell.Dispose();

    /// <summary>A phone call item in <c>ItemV3PhoneCallResponse</c>'s shape.</summary>
    private static string Call(string id, string status, string? reason = null, string to = "+12137774445", long start = 1773480600000, long? end = null, int? durationMs = null, string? recording = null)
    {
        var call = new JsonObject
        {
            ["call_id"] = id,
            ["call_type"] = "phone_call",
            ["agent_id"] = "oBeDLoLOeuAbiuaMFXRtDOLriTJ5tSxD",
            ["agent_version"] = 1,
            ["call_status"] = status,
            ["direction"] = "outbound",
            ["from_number"] = "+14157774444",
            ["to_number"] = to,
            ["start_timestamp"] = start,
            ["retell_llm_dynamic_variables"] = new JsonObject { ["customer_name"] = "John Doe" },
        };
        if (reason is not null) call["disconnection_reason"] = reason;
        if (end is not null) call["end_timestamp"] = end;
        if (durationMs is not null) call["duration_ms"] = durationMs;
        if (recording is not null) call["recording_url"] = recording;
        return call.ToJsonString();
    }

    private static string Page(bool? hasMore, string? key, params string[] calls)
        => $$"""{ "items": [{{string.Join(",", calls)}}], "pagination_key": {{(key is null ? "null" : $"\"{key}\"")}}, "has_more": {{(hasMore is null ? "null" : hasMore.Value ? "true" : "false")}} }""";

    /// <summary>Answers list-calls by the cursor in the body: no cursor → <paramref name="first"/>, each cursor → its page.</summary>
    private void Pages(string first, params (string Cursor, string Body)[] next)
    {
        _retell.Server.Given(Request.Create().WithPath(ListCalls).UsingPost().WithBody(b => b is not null && !b.Contains("pagination_key", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(first));
        foreach (var (cursor, body) in next)
        {
            _retell.Server.Given(Request.Create().WithPath(ListCalls).UsingPost().WithBody(b => b is not null && b.Contains($"\"pagination_key\":\"{cursor}\"", StringComparison.Ordinal)))
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body));
        }
    }

    private async Task<List<CallRecord>> ReadAll(CallQuery? query = null)
    {
        var calls = new List<CallRecord>();
        await foreach (var call in _retell.Sdk.GetCallsAsync(ProviderId.Retell, BatchId, query)) calls.Add(call);
        return calls;
    }

    [Test]
    public async Task Calls_page_by_cursor_with_the_batch_filter_in_the_body()
    {
        Pages(Page(true, "pk_1", Call("call_a", "ended", "user_hangup"), Call("call_b", "ongoing")),
            ("pk_1", Page(true, "pk_2", Call("call_c", "registered"))),
            ("pk_2", Page(false, null, Call("call_d", "not_connected", "dial_busy"))));

        var calls = await ReadAll();

        var bodies = _retell.Bodies(ListCalls);
        var filter = JsonNode.Parse("""{ "batch_call_id": { "op": "eq", "type": "string", "value": "batch_call_dbcc4412483ebfc348abb" } }""");
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "call_a", "call_b", "call_c", "call_d" }));
            Assert.That(bodies, Has.Count.EqualTo(3));
            Assert.That(bodies.Select(b => JsonNode.DeepEquals(b["filter_criteria"], filter)), Has.All.True, bodies[0].ToJsonString());
            Assert.That(bodies.Select(b => (string?)b["pagination_key"]), Is.EqualTo(new[] { null, "pk_1", "pk_2" }));
            Assert.That(bodies.Select(b => (string?)b["sort_order"]), Has.All.EqualTo("ascending"), "oldest first: a running batch's new calls come on later pages");
            Assert.That(bodies.Select(b => (int?)b["limit"]), Has.All.EqualTo(100));
            Assert.That(bodies[0].AsObject().Select(m => m.Key), Is.EquivalentTo(new[] { "filter_criteria", "limit", "sort_order" }), "no include_total (an extra aggregate query at Retell)");
        });
    }

    [Test]
    public async Task Paging_stops_without_has_more_when_the_key_is_missing_and_on_a_repeated_key()
    {
        Pages(Page(null, null, Call("call_a", "ended")));
        Assert.That(await ReadAll(), Has.Count.EqualTo(1));

        _retell.Server.Reset();
        Pages(Page(true, "pk_1", Call("call_a", "ended")), ("pk_1", Page(true, "pk_1", Call("call_b", "ended"))));
        Assert.That((await ReadAll()).Select(c => c.Id), Is.EqualTo(new[] { "call_a", "call_b" }), "a cursor that repeats would loop forever");
    }

    [Test]
    public async Task An_empty_page_ends_the_stream_even_if_has_more_says_otherwise()
    {
        Pages(Page(true, "pk_1"));

        Assert.That(await ReadAll(), Is.Empty, "an unknown batch id lists no calls");
        Assert.That(_retell.Bodies(ListCalls), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Descending_and_page_size_are_sent_within_bounds()
    {
        Pages(Page(false, null));

        await ReadAll(new CallQuery { Descending = true, PageSize = 5000 });
        await ReadAll(new CallQuery { PageSize = 0 });

        var bodies = _retell.Bodies(ListCalls);
        Assert.That(bodies.Select(b => ((string?)b["sort_order"], (int?)b["limit"])), Is.EqualTo(new[] { ("descending", (int?)1000), ("ascending", (int?)1) }));
    }

    [Test]
    public async Task A_status_filter_is_applied_locally_across_pages()
    {
        Pages(Page(true, "pk_1", Call("call_a", "ended", "user_hangup"), Call("call_b", "not_connected", "dial_no_answer")),
            ("pk_1", Page(false, null, Call("call_c", "ended", "voicemail_reached"), Call("call_d", "ended", "agent_hangup"))));

        var calls = await ReadAll(new CallQuery { Status = CallStatus.NoAnswer });

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "call_b", "call_c" }));
            Assert.That(_retell.Bodies(ListCalls).Select(b => b["filter_criteria"]!.AsObject().Count), Has.All.EqualTo(1), "only the batch filter is sent");
        });
    }

    [Test]
    public void Additional_parameters_are_refused_before_anything_is_sent()
    {
        var query = new CallQuery { AdditionalParameters = { ["agent_id"] = "x" } };

        Assert.ThrowsAsync<ArgumentException>(async () => await ReadAll(query));
        Assert.That(_retell.Sent, Is.Empty);
    }

    [Test]
    public async Task A_call_maps_every_field_it_has()
    {
        Pages(Page(false, null,
            Call("call_a", "ended", "user_hangup", start: 1773480600000, end: 1773480672500, durationMs: 72500, recording: "https://retell.example/rec/call_a.wav"),
            Call("call_b", "ended", "agent_hangup", to: "12137774446", start: 1773480600000, end: 1773480630000),
            Call("call_c", "registered", to: "not a number")));

        var calls = await ReadAll();
        var a = calls[0];
        Assert.Multiple(() =>
        {
            Assert.That(a.Id, Is.EqualTo("call_a"));
            Assert.That(a.ConversationId, Is.EqualTo("call_a"), "the id Retell's dashboard and get-call know it by");
            Assert.That(a.PhoneNumber, Is.EqualTo("+12137774445"));
            Assert.That(a.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(a.RawStatus, Is.EqualTo("ended"));
            Assert.That(a.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(72500)));
            Assert.That(a.RecordingUrl, Is.EqualTo(new Uri("https://retell.example/rec/call_a.wav")));
            Assert.That(a.Variables, Is.EqualTo(new Dictionary<string, string> { ["customer_name"] = "John Doe" }));
            Assert.That(a.CreatedAt, Is.EqualTo(Now), "start_timestamp, epoch milliseconds");
            Assert.That(a.UpdatedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1773480672500)));
            Assert.That(a.Transcript, Is.Null, "v3 items carry no transcript");
            Assert.That(a.Name, Is.Null);
            Assert.That(a.Raw?.GetProperty("disconnection_reason").GetString(), Is.EqualTo("user_hangup"));

            Assert.That(calls[1].Duration, Is.EqualTo(TimeSpan.FromSeconds(30)), "without duration_ms: end − start");
            Assert.That(calls[1].PhoneNumber, Is.EqualTo("+12137774446"), "digits without + still become E.164");
            Assert.That(calls[2].PhoneNumber, Is.EqualTo("not a number"), "kept as given when it does not parse");
            Assert.That((calls[2].Duration, calls[2].UpdatedAt), Is.EqualTo(((TimeSpan?)null, (DateTimeOffset?)Now)));
        });
    }

    [Test]
    public async Task An_item_of_an_unexpected_shape_is_an_unknown_call_with_its_raw_json()
    {
        Pages("""{ "items": [ "call_a", { "call_id": "call_b", "call_status": "ended", "start_timestamp": "soon" } ], "has_more": false }""");

        var calls = await ReadAll();

        Assert.Multiple(() =>
        {
            Assert.That(calls[0].Status, Is.EqualTo(CallStatus.Unknown));
            Assert.That(calls[0].Raw?.GetString(), Is.EqualTo("call_a"));
            Assert.That((calls[1].Status, calls[1].CreatedAt), Is.EqualTo((CallStatus.Completed, (DateTimeOffset?)null)), "one bad field never loses the call");
        });
    }

    [TestCase("""[ { "call_id": "call_a" } ]""", TestName = "A_bare_array_from_the_deprecated_v2_list_is_not_a_v3_page")]
    [TestCase("""{ "calls": [] }""", TestName = "A_page_without_items_is_a_response_error")]
    public void A_page_of_another_shape_is_a_response_error(string body)
    {
        Pages(body);

        Assert.ThrowsAsync<VoiceBatchResponseException>(async () => await ReadAll());
    }

    [Test]
    public async Task A_503_on_list_calls_is_retried_because_the_read_is_idempotent()
    {
        _retell.Server.Given(Request.Create().WithPath(ListCalls).UsingPost()).InScenario("flaky").WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithBody("""{ "status": "error", "message": "busy" }"""));
        _retell.Server.Given(Request.Create().WithPath(ListCalls).UsingPost()).InScenario("flaky").WhenStateIs("up")
            .RespondWith(Response.Create().WithBody(Page(false, null, Call("call_a", "ended"))));

        var calls = await ReadAll();

        Assert.Multiple(() =>
        {
            Assert.That(calls, Has.Count.EqualTo(1));
            Assert.That(_retell.SentCount("POST", ListCalls), Is.EqualTo(2));
        });
    }
}
