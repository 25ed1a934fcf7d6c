using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.VoiceAI;

public sealed class VoiceAICallsAndActionsTests
{
    private const string Batch = VoiceAITestHost.Root + "/b1";
    private const string Cancel = VoiceAITestHost.Root + "/b1/cancel";
    private const string Retry = VoiceAITestHost.Root + "/b1/retry";

    private const string WithRecipients = """
        { "id": "b1", "status": "in_progress", "recipients": [
            { "id": "r1", "status": "completed", "phone_number": "+14155550101" },
            { "id": "r2", "status": "failed", "phone_number": "+14155550102" },
            { "id": "r3", "status": "completed", "phone_number": "+14155550103" },
            { "id": "r4", "status": "voicemail", "phone_number": "+14155550104" }
        ] }
        """;

    private VoiceAITestHost _host = null!;

    [SetUp]
    public void SetUp() => _host = new VoiceAITestHost();

    [TearDown]
    public void TearDown() => _host.Dispose();

    private async Task<List<CallRecord>> CallsAsync(CallQuery? query = null)
    {
        var calls = new List<CallRecord>();
        await foreach (var call in _host.Sdk.GetCallsAsync(ProviderId.VoiceAI, "b1", query)) calls.Add(call);
        return calls;
    }

    [Test]
    public async Task Calls_are_the_recipients_of_one_read()
    {
        _host.Respond("GET", Batch, 200, WithRecipients);

        var calls = await CallsAsync();

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "r1", "r2", "r3", "r4" }));
        Assert.That(calls[1].PhoneNumber, Is.EqualTo("+14155550102"));
        Assert.That(_host.Logged("GET", Batch), Has.Count.EqualTo(1));
    }

    [TestCase(CallStatus.Completed, new[] { "r1", "r3" })]
    [TestCase(CallStatus.NoAnswer, new[] { "r4" })]
    [TestCase(CallStatus.Busy, new string[0])]
    public async Task Call_status_is_filtered_locally(CallStatus status, string[] expected)
    {
        _host.Respond("GET", Batch, 200, WithRecipients);

        var calls = await CallsAsync(new CallQuery { Status = status });

        Assert.That(calls.Select(c => c.Id), Is.EqualTo(expected));
        Assert.That(_host.Logged("GET", Batch).Single().RequestMessage!.Query, Is.Null.Or.Empty, "nothing is sent for the filter");
    }

    [Test]
    public async Task A_batch_without_recipients_has_no_calls()
    {
        _host.Respond("GET", Batch, 200, """{ "id": "b1", "status": "pending", "total_calls_scheduled": 5 }""");

        Assert.That(await CallsAsync(), Is.Empty);
    }

    [Test]
    public void Calls_of_a_missing_batch_throw_not_found()
    {
        _host.Respond("GET", Batch, 404, """{ "detail": "not found" }""");

        Assert.ThrowsAsync<BatchNotFoundException>(() => CallsAsync());
    }

    [Test]
    public async Task Cancel_posts_without_a_body_and_reads_the_answered_batch()
    {
        _host.Respond("POST", Cancel, 200, """{ "id": "b1", "status": "cancelled", "total_calls_scheduled": 4, "total_calls_finished": 1 }""");

        var batch = await _host.Sdk.CancelBatchAsync(ProviderId.VoiceAI, "b1");

        var posted = _host.Logged("POST", Cancel).Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
            Assert.That(batch.IsTerminal, Is.True);
            Assert.That(batch.Progress.Finished, Is.EqualTo(4), "an ended batch has nothing pending (ThreeTone's finished count leaves out cancelled calls)");
            Assert.That(batch.Progress.Pending, Is.Zero);
            Assert.That(posted.Body, Is.Null.Or.Empty);
            Assert.That(posted.Headers!["x-api-key"].Single(), Is.EqualTo(Support.TestClient.CanaryKey));
            Assert.That(_host.Logged("GET", Batch), Is.Empty, "no re-read when the answer is a batch");
        });
    }

    [Test]
    public async Task Cancel_is_idempotent_so_a_transient_failure_is_retried()
    {
        _host.Server.Given(Request.Create().WithPath(Cancel).UsingPost()).InScenario("cancel").WillSetStateTo("ok")
            .RespondWith(Response.Create().WithStatusCode(503));
        _host.Server.Given(Request.Create().WithPath(Cancel).UsingPost()).InScenario("cancel").WhenStateIs("ok")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{ "id": "b1", "status": "cancelled" }"""));

        var batch = await _host.Sdk.CancelBatchAsync(ProviderId.VoiceAI, "b1");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
        Assert.That(_host.SentCount("POST", Cancel), Is.EqualTo(2));
    }

    [TestCase("""{ "message": "cancellation requested" }""", TestName = "Cancel_answer_without_status_is_followed_by_a_read")]
    [TestCase("", TestName = "Cancel_answer_with_an_empty_body_is_followed_by_a_read")]
    [TestCase("OK", TestName = "Cancel_answer_that_is_not_json_is_followed_by_a_read")]
    public async Task Cancel_answer_that_is_not_a_batch_is_followed_by_a_read(string body)
    {
        _host.Respond("POST", Cancel, 200, body);
        _host.Respond("GET", Batch, 200, """{ "id": "b1", "status": "cancelled", "name": "read back" }""");

        var batch = await _host.Sdk.CancelBatchAsync(ProviderId.VoiceAI, "b1");

        Assert.That(batch.Name, Is.EqualTo("read back"));
        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
        Assert.That(_host.Logged("POST", Cancel), Has.Count.EqualTo(1));
        Assert.That(_host.Logged("GET", Batch), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Retry_posts_without_a_body_and_reads_the_answered_batch()
    {
        _host.Respond("POST", Retry, 200, """{ "id": "b1", "status": "in_progress", "total_calls_scheduled": 4, "total_calls_dispatched": 2, "retry_count": 1 }""");

        var batch = await _host.Sdk.RetryBatchAsync(ProviderId.VoiceAI, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(batch.Progress.InProgress, Is.EqualTo(2));
            Assert.That(batch.Raw?.GetProperty("retry_count").GetInt32(), Is.EqualTo(1));
            Assert.That(_host.Logged("POST", Retry).Single().RequestMessage!.Body, Is.Null.Or.Empty);
        });
    }

    [Test]
    public void Retry_is_never_repeated_a_503_means_exactly_one_post()
    {
        _host.Respond("POST", Retry, 503, """{ "detail": "try later" }""");

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => _host.Sdk.RetryBatchAsync(ProviderId.VoiceAI, "b1"));

        Assert.That(ex!.StatusCode, Is.EqualTo(503));
        Assert.That(_host.Logged("POST", Retry), Has.Count.EqualTo(1));
        Assert.That(_host.SentCount("POST", Retry), Is.EqualTo(1));
    }

    [TestCase("cancel", 400)]
    [TestCase("cancel", 409)]
    [TestCase("cancel", 422)]
    [TestCase("retry", 400)]
    [TestCase("retry", 409)]
    [TestCase("retry", 422)]
    public void A_refusal_in_the_current_state_is_invalid_state_with_the_vendor_message(string verb, int status)
    {
        var path = $"{VoiceAITestHost.Root}/b1/{verb}";
        _host.Respond("POST", path, status, """{ "detail": "Batch call is already completed" }""");

        var ex = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => verb == "cancel"
            ? _host.Sdk.CancelBatchAsync(ProviderId.VoiceAI, "b1")
            : _host.Sdk.RetryBatchAsync(ProviderId.VoiceAI, "b1"));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(status));
            Assert.That(ex.Provider, Is.EqualTo(ProviderId.VoiceAI));
            Assert.That(ex.Message, Does.Contain("Batch call is already completed").And.Contain(verb).And.Contain("b1"));
            Assert.That(_host.SentCount("POST", path), Is.EqualTo(1), "a definite refusal is not retried");
        });
    }

    [TestCase("cancel")]
    [TestCase("retry")]
    public void Acting_on_a_missing_batch_is_not_found(string verb)
    {
        _host.Respond("POST", $"{VoiceAITestHost.Root}/b1/{verb}", 404, """{ "detail": "not found" }""");

        Assert.ThrowsAsync<BatchNotFoundException>(() => verb == "cancel"
            ? _host.Sdk.CancelBatchAsync(ProviderId.VoiceAI, "b1")
            : _host.Sdk.RetryBatchAsync(ProviderId.VoiceAI, "b1"));
    }

    [Test]
    public void Pause_resume_and_schedule_are_not_supported_and_send_nothing()
    {
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => _host.Sdk.PauseBatchAsync(ProviderId.VoiceAI, "b1"));
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => _host.Sdk.ResumeBatchAsync(ProviderId.VoiceAI, "b1"));
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => _host.Sdk.ScheduleBatchAsync(ProviderId.VoiceAI, "b1", DateTimeOffset.UtcNow.AddDays(1)));
        Assert.That(_host.Sent, Is.Empty);
    }
}
