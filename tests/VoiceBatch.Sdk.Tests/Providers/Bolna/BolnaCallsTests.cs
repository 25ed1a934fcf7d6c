using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.Bolna;

public sealed class BolnaCallsTests
{
    private BolnaTestServer _bolna = null!;

    [SetUp]
    public void SetUp() => _bolna = new BolnaTestServer();

    [TearDown]
    public void TearDown() => _bolna.Dispose();

    private void StubPage(int page, string json, int status = 200)
        => _bolna.Server.Given(Request.Create().WithPath("/batches/b1/executions").WithParam("page_number", page.ToString(System.Globalization.CultureInfo.InvariantCulture)).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(json));

    private void StubAll(string json)
        => _bolna.Server.Given(Request.Create().WithPath("/batches/b1/executions").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(json));

    private async Task<List<CallRecord>> CallsAsync(CallQuery? query = null)
    {
        var list = new List<CallRecord>();
        await foreach (var call in _bolna.Sdk.GetCallsAsync(ProviderId.Bolna, "b1", query)) list.Add(call);
        return list;
    }

    private const string FullExecution = """
        {
          "id": "4c06b4d1-4096-4561-919a-4f94539c8d4a",
          "agent_id": "3c90c3cc-0d44-4b50-8888-8dd25736052a",
          "batch_id": "b1",
          "conversation_duration": 42.5,
          "status": "completed",
          "error_message": null,
          "answered_by_voice_mail": false,
          "transcript": "assistant: hello",
          "created_at": "2024-01-23T01:14:37Z",
          "updated_at": "2024-01-29T18:31:22Z",
          "telephony_data": {"duration": "44", "to_number": "+14155550101", "recording_url": "https://rec.example.com/r1.mp3"},
          "context_details": {"recipient_phone_number": "+14155550101", "recipient_data": {"first_name": "Bruce", "visits": 3}, "attempt": 1}
        }
        """;

    [Test]
    public async Task Pages_the_envelope_while_has_more_is_true()
    {
        StubPage(1, """{"page_number":1,"page_size":2,"total":5,"has_more":true,"data":[{"id":1,"status":"completed"},{"id":2,"status":"busy"}]}""");
        StubPage(2, """{"page_number":2,"page_size":2,"total":5,"has_more":true,"data":[{"id":3,"status":"no-answer"},{"id":4,"status":"completed"}]}""");
        StubPage(3, """{"page_number":3,"page_size":2,"total":5,"has_more":false,"data":[{"id":5,"status":"queued"}]}""");

        var calls = await CallsAsync(new CallQuery { PageSize = 2 });

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "1", "2", "3", "4", "5" }), "numeric ids become their text");
            var requests = _bolna.Logged("GET", "/batches/b1/executions");
            Assert.That(requests, Has.Count.EqualTo(3));
            Assert.That(requests.Select(r => r.RequestMessage!.Query!["page_size"].ToString()), Is.All.EqualTo("2"));
            Assert.That(_bolna.Logged("GET", "/v2/batches/b1/executions"), Is.Empty, "the undocumented v2 route is never called");
        });
    }

    [Test]
    public async Task Page_size_defaults_to_50_and_is_capped_at_50()
    {
        StubPage(1, """{"data":[],"has_more":false}""");

        await CallsAsync(new CallQuery { PageSize = 500 });

        Assert.That(_bolna.Server.LogEntries.Single().RequestMessage!.Query!["page_size"].ToString(), Is.EqualTo("50"));
    }

    [Test]
    public async Task Without_has_more_the_total_gives_the_page_count()
    {
        StubPage(1, """{"page":1,"page_size":1,"total":2,"data":[{"id":"a","status":"completed"}]}""");
        StubPage(2, """{"page":2,"page_size":1,"total":2,"data":[{"id":"b","status":"completed"}]}""");
        StubPage(3, """{"page":3,"page_size":1,"total":2,"data":[{"id":"c","status":"completed"}]}""");

        var calls = await CallsAsync(new CallQuery { PageSize = 1 });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task An_empty_page_stops_even_if_has_more_lies()
    {
        StubPage(1, """{"has_more":true,"data":[{"id":"a","status":"completed"}]}""");
        StubPage(2, """{"has_more":true,"data":[]}""");

        var calls = await CallsAsync(new CallQuery { PageSize = 1 });

        Assert.That(calls, Has.Count.EqualTo(1));
        Assert.That(_bolna.Logged("GET", "/batches/b1/executions"), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_bare_array_shorter_than_a_page_is_the_whole_list()
    {
        StubAll($"[{FullExecution},{{\"id\":7,\"status\":\"ringing\"}}]");

        var calls = await CallsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "4c06b4d1-4096-4561-919a-4f94539c8d4a", "7" }));
            Assert.That(_bolna.Logged("GET", "/batches/b1/executions"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Full_bare_pages_are_followed_until_a_short_one()
    {
        StubPage(1, """[{"id":"a","status":"completed"},{"id":"b","status":"completed"}]""");
        StubPage(2, """[{"id":"c","status":"failed"}]""");

        var calls = await CallsAsync(new CallQuery { PageSize = 2 });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "a", "b", "c" }), "a server that honours page_size with a bare array is not cut off after one page");
    }

    [Test]
    public async Task A_bare_page_that_repeats_the_previous_one_ends_the_enumeration()
    {
        StubPage(1, """[{"id":"a","status":"completed"},{"id":"b","status":"completed"}]""");
        StubPage(2, """[{"id":"a","status":"completed"},{"id":"b","status":"completed"}]""");

        var calls = await CallsAsync(new CallQuery { PageSize = 2 });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void A_missing_batch_is_not_found()
    {
        _bolna.Server.Given(Request.Create().WithPath("/batches/b1/executions").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(404).WithBody("""{"message":"Batch not found"}"""));

        Assert.ThrowsAsync<BatchNotFoundException>(() => CallsAsync());
    }

    [Test]
    public async Task Every_execution_field_is_read()
    {
        StubPage(1, $$"""{"has_more":false,"data":[{{FullExecution}}]}""");

        var call = (await CallsAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(call.Id, Is.EqualTo("4c06b4d1-4096-4561-919a-4f94539c8d4a"));
            Assert.That(call.Status, Is.EqualTo(CallStatus.Completed));
            Assert.That(call.PhoneNumber, Is.EqualTo("+14155550101"));
            Assert.That(call.Duration, Is.EqualTo(TimeSpan.FromSeconds(42.5)), "conversation_duration wins over telephony duration");
            Assert.That(call.RecordingUrl, Is.EqualTo(new Uri("https://rec.example.com/r1.mp3")));
            Assert.That(call.Transcript, Is.EqualTo("assistant: hello"));
            Assert.That(call.CreatedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 23, 1, 14, 37, TimeSpan.Zero)));
            Assert.That(call.UpdatedAt, Is.EqualTo(new DateTimeOffset(2024, 1, 29, 18, 31, 22, TimeSpan.Zero)));
            Assert.That(call.Variables["first_name"], Is.EqualTo("Bruce"));
            Assert.That(call.Variables["visits"], Is.EqualTo("3"));
            Assert.That(call.Variables["attempt"], Is.EqualTo("1"));
            Assert.That(call.Variables["recipient_phone_number"], Is.EqualTo("+14155550101"));
            Assert.That(call.Raw?.GetProperty("answered_by_voice_mail").GetBoolean(), Is.False);
        });
    }

    [TestCase("""{"id":"e","conversation_time":12}""", 12)]
    [TestCase("""{"id":"e","conversation_duration":"7.5"}""", 7.5)]
    [TestCase("""{"id":"e","telephony_data":{"duration":"30"}}""", 30)]
    [TestCase("""{"id":"e","telephony_data":{"duration":31}}""", 31)]
    public async Task Duration_aliases(string execution, double seconds)
    {
        StubPage(1, $$"""{"has_more":false,"data":[{{execution}}]}""");

        var call = (await CallsAsync()).Single();

        Assert.That(call.Duration, Is.EqualTo(TimeSpan.FromSeconds(seconds)));
    }

    [Test]
    public async Task A_sparse_or_odd_execution_never_loses_the_record()
    {
        StubPage(1, """{"has_more":false,"data":[{"id":9},{"status":"completed","conversation_duration":"n/a","created_at":"2024-02-29T04:22:89Z","telephony_data":{"to_number":"whatsapp:abc","recording_url":"not a url"},"context_details":null}]}""");

        var calls = await CallsAsync();

        Assert.Multiple(() =>
        {
            Assert.That(calls, Has.Count.EqualTo(2));
            Assert.That(calls[0].Id, Is.EqualTo("9"));
            Assert.That(calls[0].Status, Is.EqualTo(CallStatus.Unknown));
            Assert.That(calls[0].RawStatus, Is.Null);
            Assert.That(calls[0].Variables, Is.Empty);
            Assert.That(calls[1].Id, Is.Null);
            Assert.That(calls[1].Duration, Is.Null);
            Assert.That(calls[1].CreatedAt, Is.Null);
            Assert.That(calls[1].PhoneNumber, Is.EqualTo("whatsapp:abc"), "kept as given when it does not parse");
            Assert.That(calls[1].RecordingUrl, Is.Null);
        });
    }

    [Test]
    public async Task Status_is_filtered_locally()
    {
        StubPage(1, """{"has_more":false,"data":[{"id":1,"status":"completed"},{"id":2,"status":"no-answer"},{"id":3,"status":"call-disconnected"}]}""");

        var calls = await CallsAsync(new CallQuery { Status = CallStatus.Completed });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "1" }), "call-disconnected is not final: its outcome follows");
        Assert.That(_bolna.Server.LogEntries.Single().RequestMessage!.Query, Does.Not.ContainKey("status"));
    }

    [Test]
    public async Task Calls_are_fetched_lazily()
    {
        StubPage(1, """{"has_more":true,"data":[{"id":1,"status":"completed"}]}""");
        StubPage(2, """{"has_more":false,"data":[{"id":2,"status":"completed"}]}""");

        await foreach (var _ in _bolna.Sdk.GetCallsAsync(ProviderId.Bolna, "b1", new CallQuery { PageSize = 1 }))
        {
            break;
        }

        Assert.That(_bolna.Server.LogEntries, Has.Count.EqualTo(1));
    }
}
