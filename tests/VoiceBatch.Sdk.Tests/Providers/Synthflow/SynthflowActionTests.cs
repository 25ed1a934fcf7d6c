using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.Synthflow;

public sealed class SynthflowActionTests
{
    private SynthflowTestServer _sf = null!;

    [SetUp]
    public void SetUp() => _sf = new SynthflowTestServer();

    [TearDown]
    public void TearDown() => _sf.Dispose();

    private Task<BatchCall> ActAsync(string action) => action switch
    {
        "pause" => _sf.Sdk.PauseBatchAsync(ProviderId.Synthflow, "b1"),
        "resume" => _sf.Sdk.ResumeBatchAsync(ProviderId.Synthflow, "b1"),
        _ => _sf.Sdk.CancelBatchAsync(ProviderId.Synthflow, "b1"),
    };

    [TestCase("pause", "paused", BatchStatus.Paused)]
    [TestCase("resume", "scheduled", BatchStatus.Running)]
    [TestCase("cancel", "canceled", BatchStatus.Cancelled)]
    public async Task Each_action_posts_without_a_body_and_returns_the_batch_it_answers(string action, string word, BatchStatus expected)
    {
        _sf.Answer("POST", $"/v2/calls/batch/b1/{action}", SynthflowTestServer.Ok(SynthflowTestServer.Batch(status: word, dispatched: 3, pending: 7)));

        var batch = await ActAsync(action);

        var request = _sf.Logged("POST", $"/v2/calls/batch/b1/{action}").Single().RequestMessage!;
        Assert.Multiple(() =>
        {
            Assert.That(request.Body, Is.Null.Or.Empty);
            Assert.That((batch.Id, batch.Status, batch.RawStatus), Is.EqualTo(("b1", expected, word)));
            Assert.That(batch.Progress.Completed, Is.EqualTo(3));
            Assert.That(_sf.Server.LogEntries, Has.Count.EqualTo(1), "the answer is the batch: no second read");
        });
    }

    [TestCase("pause")]
    [TestCase("resume")]
    [TestCase("cancel")]
    public void A_400_in_the_wrong_state_is_an_invalid_state_error(string action)
    {
        _sf.Answer("POST", $"/v2/calls/batch/b1/{action}", """{"detail":{"status":"error","description":"Only scheduled batches can be paused","request_id":"r","category":"invalid_state"}}""", 400);
        _sf.Answer("GET", "/v2/calls/batch/b1", SynthflowTestServer.Ok(SynthflowTestServer.Batch(status: "completed", dispatched: 10, pending: 0)));

        var ex = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => ActAsync(action));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(400));
            Assert.That(ex.Message, Does.Contain("Only scheduled batches can be paused"));
            Assert.That(ex.Provider, Is.EqualTo(ProviderId.Synthflow));
        });
    }

    [TestCase("pause", "paused")]
    [TestCase("resume", "scheduled")]
    [TestCase("cancel", "canceled")]
    public async Task A_refusal_because_the_batch_already_is_there_returns_the_batch(string action, string word)
    {
        _sf.Answer("POST", $"/v2/calls/batch/b1/{action}", """{"detail":{"status":"error","description":"Batch is already in that state","request_id":"r","category":"invalid_state"}}""", 400);
        _sf.Answer("GET", "/v2/calls/batch/b1", SynthflowTestServer.Ok(SynthflowTestServer.Batch(status: word, dispatched: 2, pending: 8)));

        var batch = await ActAsync(action);

        Assert.That(batch.RawStatus, Is.EqualTo(word));
    }

    [Test]
    public void A_missing_batch_stays_not_found()
    {
        _sf.Answer("POST", "/v2/calls/batch/b1/pause", """{"detail":{"status":"error","description":"Batch call not found","request_id":"r","category":"not_found"}}""", 404);

        Assert.ThrowsAsync<BatchNotFoundException>(() => ActAsync("pause"));
    }

    [TestCase("")]
    [TestCase("""{"status":"ok"}""")]
    [TestCase("""{"status":"ok","response":{}}""")]
    public async Task An_unreadable_2xx_answer_means_it_happened_and_the_batch_is_read_again(string answer)
    {
        _sf.Answer("POST", "/v2/calls/batch/b1/cancel", answer);
        _sf.Answer("GET", "/v2/calls/batch/b1", SynthflowTestServer.Ok(SynthflowTestServer.Batch(status: "canceled", dispatched: 2, pending: 0)));

        var batch = await ActAsync("cancel");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
        Assert.That(_sf.Logged("GET", "/v2/calls/batch/b1"), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Actions_are_idempotent_and_retried_after_a_503()
    {
        _sf.Dispose();
        _sf = new SynthflowTestServer(fakeClock: false); // Polly's back-off needs a real clock
        _sf.Server.Given(Request.Create().WithPath("/v2/calls/batch/b1/pause").UsingPost()).InScenario("pause")
            .WillSetStateTo("up").RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"detail":{"status":"error","description":"busy","request_id":"r","category":"internal"}}"""));
        _sf.Server.Given(Request.Create().WithPath("/v2/calls/batch/b1/pause").UsingPost()).InScenario("pause").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(SynthflowTestServer.Ok(SynthflowTestServer.Batch(status: "paused"))));

        var batch = await ActAsync("pause");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Paused));
        Assert.That(_sf.Logged("POST", "/v2/calls/batch/b1/pause"), Has.Count.EqualTo(2));
    }

    [Test]
    public void Retry_and_schedule_are_not_supported_and_send_nothing()
    {
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => _sf.Sdk.RetryBatchAsync(ProviderId.Synthflow, "b1"));
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => _sf.Sdk.ScheduleBatchAsync(ProviderId.Synthflow, "b1", SynthflowTestServer.Now.AddHours(1)));
        Assert.That(_sf.Server.LogEntries, Is.Empty);
    }
}
