using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.Bolna;

public sealed class BolnaActionTests
{
    private BolnaTestServer _bolna = null!;

    [SetUp]
    public void SetUp() => _bolna = new BolnaTestServer();

    [TearDown]
    public void TearDown() => _bolna.Dispose();

    private void Stub(string path, int status, string body)
        => _bolna.Server.Given(Request.Create().WithPath(path).UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(body));

    [Test]
    public async Task Schedule_sends_scheduled_at_with_a_numeric_offset_in_utc()
    {
        Stub("/batches/b1/schedule", 200, """{"message":"success","state":"scheduled"}""");
        var at = new DateTimeOffset(2026, 6, 23, 12, 30, 0, TimeSpan.FromHours(-3)); // 15:30 UTC

        var batch = await _bolna.Sdk.ScheduleBatchAsync(ProviderId.Bolna, "b1", at);

        var form = await Multipart.ReadAsync(_bolna.Logged("POST", "/batches/b1/schedule").Single());
        Assert.Multiple(() =>
        {
            Assert.That(form.Single().Name, Is.EqualTo("scheduled_at"));
            Assert.That(form.Single().Text, Is.EqualTo("2026-06-23T15:30:00+00:00"));
            Assert.That(form.Single().Text, Does.Not.EndWith("Z"));
            Assert.That(batch.Id, Is.EqualTo("b1"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That(batch.RawStatus, Is.EqualTo("scheduled"));
            Assert.That(batch.ScheduledAt, Is.EqualTo(at));
        });
    }

    [Test]
    public void Schedule_less_than_two_minutes_ahead_is_refused_before_sending()
    {
        Stub("/batches/b1/schedule", 200, """{"state":"scheduled"}""");

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _bolna.Sdk.ScheduleBatchAsync(ProviderId.Bolna, "b1", BolnaTestServer.Now.AddSeconds(90)));
        Assert.That(_bolna.Server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task Schedule_with_an_empty_2xx_body_is_still_scheduled()
    {
        Stub("/batches/b1/schedule", 200, "");

        var batch = await _bolna.Sdk.ScheduleBatchAsync(ProviderId.Bolna, "b1", BolnaTestServer.Now.AddHours(2));

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Scheduled));
        Assert.That(batch.Raw, Is.Null);
    }

    [Test]
    public async Task Stop_answers_a_cancelled_batch()
    {
        Stub("/batches/b1/stop", 200, """{"state":"stopped"}""");

        var batch = await _bolna.Sdk.CancelBatchAsync(ProviderId.Bolna, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo("b1"));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
            Assert.That(batch.IsTerminal, Is.True);
            Assert.That(batch.RawStatus, Is.EqualTo("stopped"));
            Assert.That(_bolna.Logged("POST", "/batches/b1/stop"), Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Stop_of_a_batch_that_is_not_queued_or_running_is_an_invalid_state()
    {
        Stub("/batches/b1/stop", 404, """{"message":"Batch is not queued or running"}""");

        var ex = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => _bolna.Sdk.CancelBatchAsync(ProviderId.Bolna, "b1"));

        Assert.That(ex!.StatusCode, Is.EqualTo(404));
        Assert.That(ex.Message, Does.Contain("Batch is not queued or running"));
        Assert.That(ex.Provider, Is.EqualTo(ProviderId.Bolna));
    }

    [Test]
    public void Stop_refusal_under_detail_is_recognised_too()
    {
        Stub("/batches/b1/stop", 404, """{"detail":"Batch is not queued or running"}""");

        Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => _bolna.Sdk.CancelBatchAsync(ProviderId.Bolna, "b1"));
    }

    [Test]
    public void Stop_of_a_missing_batch_stays_not_found()
    {
        Stub("/batches/nope/stop", 404, """{"message":"Batch not found"}""");

        var ex = Assert.ThrowsAsync<BatchNotFoundException>(() => _bolna.Sdk.CancelBatchAsync(ProviderId.Bolna, "nope"));

        Assert.That(ex!.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task Stop_is_idempotent_and_retried_after_a_503()
    {
        _bolna.Dispose();
        _bolna = new BolnaTestServer(fakeClock: false); // Polly's back-off needs a real clock
        _bolna.Server.Given(Request.Create().WithPath("/batches/b1/stop").UsingPost()).InScenario("stop")
            .WillSetStateTo("up").RespondWith(Response.Create().WithStatusCode(503).WithBody("""{"message":"busy"}"""));
        _bolna.Server.Given(Request.Create().WithPath("/batches/b1/stop").UsingPost()).InScenario("stop").WhenStateIs("up")
            .RespondWith(Response.Create().WithStatusCode(200).WithBody("""{"state":"stopped"}"""));

        var batch = await _bolna.Sdk.CancelBatchAsync(ProviderId.Bolna, "b1");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
        Assert.That(_bolna.Logged("POST", "/batches/b1/stop"), Has.Count.EqualTo(2));
    }

    [Test]
    public void Pause_resume_and_retry_are_not_supported_and_send_nothing()
    {
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => _bolna.Sdk.PauseBatchAsync(ProviderId.Bolna, "b1"));
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => _bolna.Sdk.ResumeBatchAsync(ProviderId.Bolna, "b1"));
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => _bolna.Sdk.RetryBatchAsync(ProviderId.Bolna, "b1"));
        Assert.That(_bolna.Server.LogEntries, Is.Empty);
    }
}
