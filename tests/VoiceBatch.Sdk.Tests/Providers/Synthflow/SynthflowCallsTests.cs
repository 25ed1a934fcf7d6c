using System.Globalization;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.Synthflow;

public sealed class SynthflowCallsTests
{
    private const string TasksPath = "/v2/calls/batch/b1/tasks";
    private SynthflowTestServer _sf = null!;

    [SetUp]
    public void SetUp() => _sf = new SynthflowTestServer();

    [TearDown]
    public void TearDown() => _sf.Dispose();

    private async Task<List<CallRecord>> CallsAsync(CallQuery? query = null)
    {
        var list = new List<CallRecord>();
        await foreach (var call in _sf.Sdk.GetCallsAsync(ProviderId.Synthflow, "b1", query)) list.Add(call);
        return list;
    }

    private static string Task(int i, string status = "dispatched")
        => $$"""{"id":"row-{{i}}","to_phone_number":"+1415555{{i:0000}}","lead_name":"Lead {{i}}","status":"{{status}}"}""";

    private void StubPage(int offset, int total, params string[] tasks)
        => _sf.Server.Given(Request.Create().WithPath(TasksPath).UsingGet().WithParam("offset", offset.ToString(CultureInfo.InvariantCulture)))
            .RespondWith(Response.Create().WithBody(SynthflowTestServer.Ok($$"""{"pagination":{"total_records":{{total}},"limit":2,"offset":{{offset}}},"tasks":[{{string.Join(",", tasks)}}]}""")));

    [Test]
    public async Task A_recipient_reads_into_a_call_record()
    {
        _sf.Answer("GET", TasksPath, SynthflowTestServer.Ok("""
            {"pagination":{"total_records":1,"limit":100,"offset":0},"tasks":[
              {"id":"lead-0001","to_phone_number":"+12025551234","lead_name":"John Doe","lead_email":"john@example.com",
               "custom_variables":{"plan":"pro","visits":3},"status":"failed","error_message":"Number is not reachable","call_id":"call_9"}]}
            """));

        var call = (await CallsAsync()).Single();

        Assert.Multiple(() =>
        {
            Assert.That(call.Id, Is.EqualTo("lead-0001"));
            Assert.That(call.PhoneNumber, Is.EqualTo("+12025551234"));
            Assert.That(call.Name, Is.EqualTo("John Doe"));
            Assert.That((call.Status, call.RawStatus), Is.EqualTo((CallStatus.Failed, "failed")));
            Assert.That(call.Variables, Is.EqualTo(new Dictionary<string, string> { ["plan"] = "pro", ["visits"] = "3" }));
            Assert.That(call.ConversationId, Is.EqualTo("call_9"));
            Assert.That(call.Raw?.GetProperty("error_message").GetString(), Is.EqualTo("Number is not reachable"), "the reason stays in Raw");
            Assert.That((call.Duration, call.RecordingUrl, call.Transcript), Is.EqualTo(((TimeSpan?)null, (Uri?)null, (string?)null)));
        });
    }

    [Test]
    public async Task Pages_by_limit_and_offset_until_total_records()
    {
        StubPage(0, 5, Task(2), Task(3));
        StubPage(2, 5, Task(4), Task(5));
        StubPage(4, 5, Task(6, "pending"));

        var calls = await CallsAsync(new CallQuery { PageSize = 2 });

        var offsets = _sf.Logged("GET", TasksPath).Select(r => r.RequestMessage!.Query!["offset"].ToString()).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "row-2", "row-3", "row-4", "row-5", "row-6" }));
            Assert.That(offsets, Is.EqualTo(new[] { "0", "2", "4" }));
            Assert.That(_sf.Logged("GET", TasksPath).Select(r => r.RequestMessage!.Query!["limit"].ToString()), Is.All.EqualTo("2"));
        });
    }

    [Test]
    public async Task The_next_offset_counts_what_arrived_when_synthflow_sends_less_than_asked()
    {
        StubPage(0, 3, Task(2));
        StubPage(1, 3, Task(3), Task(4));

        var calls = await CallsAsync(new CallQuery { PageSize = 2 });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "row-2", "row-3", "row-4" }));
    }

    [Test]
    public async Task A_server_that_ignores_the_offset_ends_the_list_instead_of_repeating_it()
    {
        _sf.Answer("GET", TasksPath, SynthflowTestServer.Ok($$"""{"tasks":[{{Task(2)}},{{Task(3)}}]}"""));

        var calls = await CallsAsync(new CallQuery { PageSize = 2 });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "row-2", "row-3" }));
        Assert.That(_sf.Server.LogEntries, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_items_are_read_under_recipients_too()
    {
        _sf.Answer("GET", TasksPath, SynthflowTestServer.Ok($$"""{"pagination":{"total_records":1},"recipients":[{{Task(2)}}]}"""));

        var calls = await CallsAsync();

        Assert.That(calls.Single().Id, Is.EqualTo("row-2"));
    }

    [TestCase(CallStatus.Pending, "pending")]
    [TestCase(CallStatus.Queued, "claimed")]
    [TestCase(CallStatus.Completed, "dispatched")]
    [TestCase(CallStatus.Failed, "failed")]
    [TestCase(CallStatus.Cancelled, "canceled")]
    public async Task A_status_filter_is_sent_in_synthflows_word_and_checked_locally(CallStatus status, string word)
    {
        _sf.Answer("GET", TasksPath, SynthflowTestServer.Ok($$"""{"pagination":{"total_records":2},"tasks":[{{Task(2, word)}},{{Task(3, "mystery")}}]}"""));

        var calls = await CallsAsync(new CallQuery { Status = status });

        Assert.Multiple(() =>
        {
            Assert.That(_sf.Server.LogEntries.Single().RequestMessage!.Query!["status"].ToString(), Is.EqualTo(word));
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "row-2" }), "a server that ignored the filter is filtered here");
        });
    }

    [TestCase(CallStatus.Ringing)]
    [TestCase(CallStatus.InProgress)]
    [TestCase(CallStatus.NoAnswer)]
    [TestCase(CallStatus.Busy)]
    [TestCase(CallStatus.Unknown)]
    public async Task A_status_no_recipient_can_have_sends_nothing(CallStatus status)
    {
        var calls = await CallsAsync(new CallQuery { Status = status });

        Assert.That(calls, Is.Empty);
        Assert.That(_sf.Server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Without_a_filter_no_status_parameter_is_sent()
    {
        _sf.Answer("GET", TasksPath, SynthflowTestServer.Ok("""{"tasks":[]}"""));

        await CallsAsync();

        Assert.That(_sf.Server.LogEntries.Single().RequestMessage!.Query!.Keys, Is.EquivalentTo(new[] { "limit", "offset" }));
    }

    [Test]
    public async Task A_recipient_of_an_unexpected_shape_is_an_unknown_call_with_its_raw()
    {
        _sf.Answer("GET", TasksPath, SynthflowTestServer.Ok($$"""{"pagination":{"total_records":2},"tasks":["row-2",{{Task(3)}}]}"""));

        var calls = await CallsAsync();

        Assert.That(calls.Select(c => c.Status), Is.EqualTo(new[] { CallStatus.Unknown, CallStatus.Completed }));
        Assert.That(calls[0].Raw?.GetString(), Is.EqualTo("row-2"));
    }

    [Test]
    public void A_missing_batch_is_not_found()
    {
        _sf.Answer("GET", TasksPath, """{"detail":{"status":"error","description":"Batch call not found","request_id":"r","category":"not_found"}}""", 404);

        Assert.ThrowsAsync<BatchNotFoundException>(() => CallsAsync());
    }

    [Test]
    public void A_page_without_a_recipient_list_is_a_response_error()
    {
        _sf.Answer("GET", TasksPath, SynthflowTestServer.Ok("""{"pagination":{"total_records":3}}"""));

        Assert.ThrowsAsync<VoiceBatchResponseException>(() => CallsAsync());
    }
}
