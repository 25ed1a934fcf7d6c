using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;
using static VoiceBatch.Tests.Providers.Bland.BlandTestServer;

namespace VoiceBatch.Tests.Providers.Bland;

/// <summary>Stop, pause and resume: answers without state, so the batch is read again.</summary>
public sealed class BlandActionTests
{
    private BlandTestServer _bland = null!;

    [SetUp]
    public void SetUp() => _bland = new BlandTestServer();

    [TearDown]
    public void TearDown() => _bland.Dispose();

    [Test]
    public async Task Stop_reads_blands_own_answer_and_the_batch_again()
    {
        _bland.Respond("POST", "/v2/batches/b1/stop", 200, Published.Read("bland/stop-batch.response.json"));
        _bland.Batch("b1", Meta("b1"), Logs(Lifecycle("stopped", "2026-03-14T09:20:00Z", "Requested: 3. Validated: 3. Dispatched: 1.")));

        var batch = await _bland.Sdk.CancelBatchAsync(ProviderId.Bland, "b1");

        Assert.Multiple(() =>
        {
            Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Cancelled, "stopped")));
            Assert.That(batch.Progress.Cancelled, Is.EqualTo(2));
            Assert.That(_bland.SentCount("POST", "/v2/batches/b1/stop"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_log_that_lags_the_stop_still_reports_the_stop()
    {
        _bland.Respond("POST", "/v2/batches/b1/stop", 200, """{"data": null, "errors": null}""");
        _bland.Batch("b1", Meta("b1"), Logs(Lifecycle("in_progress", "2026-03-14T09:10:00Z")));

        var batch = await _bland.Sdk.CancelBatchAsync(ProviderId.Bland, "b1");

        Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Cancelled, "in_progress")));
    }

    [Test]
    public void A_stop_is_retried_on_a_503()
    {
        _bland.Dispose();
        _bland = new BlandTestServer(fakeClock: false);
        _bland.Respond("POST", "/v2/batches/b1/stop", 503, null);
        _bland.Batch("b1", Meta("b1"));

        Assert.CatchAsync<VoiceBatchException>(() => _bland.Sdk.CancelBatchAsync(ProviderId.Bland, "b1"));
        Assert.That(_bland.SentCount("POST", "/v2/batches/b1/stop"), Is.EqualTo(4), "stop is idempotent: 1 + 3 retries");
    }

    [Test]
    public void A_400_is_an_invalid_state()
    {
        _bland.Respond("POST", "/v2/batches/b1/stop", 400, """{"data": null, "errors": [{"error": "BATCH_COMPLETED", "message": "Batch already completed"}]}""");
        _bland.Batch("b1", Meta("b1"), Logs(Complete("2026-03-14T09:20:00Z", 1, 0, 1)));

        var ex = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => _bland.Sdk.CancelBatchAsync(ProviderId.Bland, "b1"));

        Assert.That(ex!.Message, Does.Contain("Batch already completed"));
    }

    [Test]
    public void An_error_inside_a_200_stop_answer_is_an_invalid_state()
    {
        _bland.Respond("POST", "/v2/batches/b1/stop", 200, """{"data": null, "errors": [{"error": "BATCH_NOT_RUNNING", "message": "Batch is not running"}]}""");
        _bland.Batch("b1", Meta("b1"), Logs(Complete("2026-03-14T09:20:00Z", 1, 0, 1)));

        Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => _bland.Sdk.CancelBatchAsync(ProviderId.Bland, "b1"));
    }

    [Test]
    public async Task A_refused_stop_of_a_batch_already_stopped_is_that_batch()
    {
        _bland.Respond("POST", "/v2/batches/b1/stop", 409, """{"data": null, "errors": [{"error": "ALREADY_STOPPED", "message": "Batch already stopped"}]}""");
        _bland.Batch("b1", Meta("b1"), Logs(Lifecycle("stopped", "2026-03-14T09:20:00Z")));

        var batch = await _bland.Sdk.CancelBatchAsync(ProviderId.Bland, "b1");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Cancelled));
    }

    [Test]
    public async Task Pause_and_resume_send_the_paused_flag()
    {
        _bland.Respond("POST", "/v2/batches/b1/pause", 200, """{"data": null, "errors": null}""");
        _bland.Batch("b1", Meta("b1"), Logs(Lifecycle("in_progress", "2026-03-14T09:10:00Z")));

        var paused = await _bland.Sdk.PauseBatchAsync(ProviderId.Bland, "b1");
        var pauseBody = JsonNode.Parse(_bland.Logged("POST", "/v2/batches/b1/pause").Single().RequestMessage!.Body!);
        _bland.Server.ResetLogEntries();
        var resumed = await _bland.Sdk.ResumeBatchAsync(ProviderId.Bland, "b1");
        var resumeBody = JsonNode.Parse(_bland.Logged("POST", "/v2/batches/b1/pause").Single().RequestMessage!.Body!);

        Assert.Multiple(() =>
        {
            Assert.That(JsonNode.DeepEquals(pauseBody, JsonNode.Parse("""{"paused": true}""")), Is.True, pauseBody?.ToJsonString());
            Assert.That(JsonNode.DeepEquals(resumeBody, JsonNode.Parse("""{"paused": false}""")), Is.True, resumeBody?.ToJsonString());
            Assert.That(paused.Status, Is.EqualTo(BatchStatus.Paused), "the log has not caught up: the result says what the action did");
            Assert.That(resumed.Status, Is.EqualTo(BatchStatus.Running));
        });
    }

    [Test]
    public async Task Resume_of_a_paused_batch_reads_the_log_once_it_shows_the_resume()
    {
        _bland.Respond("POST", "/v2/batches/b1/pause", 200, """{"data": null, "errors": null}""");
        _bland.Batch("b1", Meta("b1"), Logs(Lifecycle("in_progress", "2026-03-14T09:20:00Z"), Lifecycle("paused", "2026-03-14T09:15:00Z")));

        var resumed = await _bland.Sdk.ResumeBatchAsync(ProviderId.Bland, "b1");

        Assert.That((resumed.Status, resumed.RawStatus), Is.EqualTo((BatchStatus.Running, "in_progress")));
    }

    [Test]
    public async Task An_unreadable_2xx_action_answer_still_counts_as_done()
    {
        _bland.Respond("POST", "/v2/batches/b1/pause", 200, "<html>ok</html>");
        _bland.Batch("b1", Meta("b1"), Logs(Lifecycle("paused", "2026-03-14T09:20:00Z")));

        var paused = await _bland.Sdk.PauseBatchAsync(ProviderId.Bland, "b1");

        Assert.That((paused.Status, paused.RawStatus), Is.EqualTo((BatchStatus.Paused, "paused")));
    }
}
