using System.Text.Json.Nodes;
using VoiceBatch.Tests.Support;
using static VoiceBatch.Tests.Providers.Bland.BlandTestServer;

namespace VoiceBatch.Tests.Providers.Bland;

/// <summary>Every row of the Bland batch-lifecycle and call-status tables, through the real HTTP stack.</summary>
public sealed class BlandStatusTableTests
{
    private BlandTestServer _bland = null!;

    [SetUp]
    public void SetUp() => _bland = new BlandTestServer();

    [TearDown]
    public void TearDown() => _bland.Dispose();

    private Task<BatchCall> GetAsync(string logs, string? callObjects = null)
    {
        _bland.Batch("b1", Meta("b1", callObjects: callObjects ?? "[]"), logs);
        return _bland.Sdk.GetBatchAsync(ProviderId.Bland, "b1");
    }

    [TestCase("validating", BatchStatus.Queued)]
    [TestCase("dispatching", BatchStatus.Running)]
    [TestCase("in_progress", BatchStatus.Running)]
    [TestCase("in_progress_chunked", BatchStatus.Running)]
    [TestCase("waiting_for_scheduled_calls", BatchStatus.Running)]
    [TestCase("completed", BatchStatus.Completed)]
    [TestCase("completed_partial", BatchStatus.Completed)]
    [TestCase("failed", BatchStatus.Failed)]
    [TestCase("stopped", BatchStatus.Cancelled)]
    [TestCase("canceled", BatchStatus.Cancelled)]
    [TestCase("cancelled", BatchStatus.Cancelled)]
    [TestCase("paused", BatchStatus.Paused)]
    [TestCase("IN-PROGRESS", BatchStatus.Running)]
    [TestCase("archived", BatchStatus.Unknown)]
    public async Task Lifecycle_word_table(string word, BatchStatus expected)
    {
        var batch = await GetAsync(Logs(Lifecycle(word, "2026-03-14T09:10:00Z")));

        Assert.That(batch.Status, Is.EqualTo(expected));
        Assert.That(batch.RawStatus, Is.EqualTo(word));
    }

    [Test]
    public async Task The_newest_lifecycle_event_decides_whatever_the_order_of_the_answer()
    {
        var batch = await GetAsync(Logs(
            Lifecycle("validating", "2026-03-14T09:01:00Z"),
            Lifecycle("in_progress", "2026-03-14T09:05:00Z"),
            Lifecycle("dispatching", "2026-03-14T09:03:00Z")));

        Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Running, "in_progress")));
        Assert.That(batch.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 3, 14, 9, 5, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task A_complete_event_newer_than_the_last_state_change_ends_the_batch()
    {
        var batch = await GetAsync(Logs(Complete("2026-03-14T09:20:00Z", 3, 1, 2), Lifecycle("in_progress", "2026-03-14T09:05:00Z")));

        Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Completed, "complete")));
        Assert.That(batch.IsTerminal, Is.True);
    }

    [TestCase("stopped", BatchStatus.Cancelled)]
    [TestCase("failed", BatchStatus.Failed)]
    public async Task A_stopped_or_failed_batch_stays_so_when_its_counters_arrive(string word, BatchStatus expected)
    {
        var batch = await GetAsync(Logs(Complete("2026-03-14T09:20:00Z", 3, 0, 1), Lifecycle(word, "2026-03-14T09:10:00Z", "Requested: 3. Validated: 3. Dispatched: 1.")));

        Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((expected, word)));
    }

    [Test]
    public async Task Waiting_for_scheduled_calls_with_nothing_dispatched_is_scheduled()
    {
        var waiting = await GetAsync(Logs(Lifecycle("waiting_for_scheduled_calls", "2026-03-14T09:10:00Z", "Requested: 3. Validated: 3. Dispatched: 0.")));

        Assert.That((waiting.Status, waiting.RawStatus), Is.EqualTo((BatchStatus.Scheduled, "waiting_for_scheduled_calls")));
    }

    [Test]
    public async Task No_log_yet_is_queued_or_scheduled_when_the_calls_start_later()
    {
        var queued = await GetAsync(NoLogs);
        _bland.Server.Reset();
        var scheduled = await GetAsync(NoLogs, """[{"phone_number": "+14155550101", "start_time": "2026-03-14 12:00:00-05:00"}]""");

        Assert.Multiple(() =>
        {
            Assert.That((queued.Status, queued.RawStatus), Is.EqualTo((BatchStatus.Queued, (string?)null)));
            Assert.That(scheduled.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That(scheduled.ScheduledAt, Is.EqualTo(new DateTimeOffset(2026, 3, 14, 17, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task The_cookbooks_webhook_words_and_counters_are_the_logs_own()
    {
        var running = JsonNode.Parse(Published.Read("bland/cookbook.status-webhook.in-progress.json"))!;
        var done = Published.Read("bland/cookbook.status-webhook.completed.json");
        var logs = Logs(
            $$"""{"id": "e2", "event_type": "complete", "timestamp": "2026-03-15T15:00:00Z", "payload": {{done}}}""",
            Lifecycle((string)running["status"]!, (string)running["timestamp"]!));

        var batch = await GetAsync(logs);

        Assert.Multiple(() =>
        {
            Assert.That(BlandMappingWord((string)running["status"]!), Is.EqualTo(BatchStatus.Running));
            Assert.That(batch.Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That((batch.Progress.Total, batch.Progress.Completed, batch.Progress.Failed), Is.EqualTo(((int?)100, 97, 3)));
        });
    }

    private static BatchStatus BlandMappingWord(string word) => VoiceBatch.Providers.Bland.BlandMapping.MapBatchStatus(word);

    [TestCase("new", null, null, CallStatus.Pending)]
    [TestCase("queued", null, null, CallStatus.Queued)]
    [TestCase("allocated", null, null, CallStatus.Ringing)]
    [TestCase("started", null, null, CallStatus.InProgress)]
    [TestCase("complete", "true", "human", CallStatus.Completed)]
    [TestCase("completed", "true", null, CallStatus.Completed)]
    [TestCase("complete", "true", "voicemail", CallStatus.NoAnswer)]
    [TestCase("complete", "true", "no-answer", CallStatus.NoAnswer)]
    [TestCase("complete", "true", "unknown", CallStatus.Completed)]
    [TestCase("complete_error", "true", "human", CallStatus.Completed)]
    [TestCase("pre_queue_error", null, null, CallStatus.Failed)]
    [TestCase("queue_error", null, null, CallStatus.Failed)]
    [TestCase("call_error", null, null, CallStatus.Failed)]
    [TestCase("failed", null, null, CallStatus.Failed)]
    [TestCase("busy", null, null, CallStatus.Busy)]
    [TestCase("no-answer", null, null, CallStatus.NoAnswer)]
    [TestCase("canceled", null, null, CallStatus.Cancelled)]
    [TestCase("stopped", null, null, CallStatus.Cancelled)]
    [TestCase("started", "true", "human", CallStatus.Completed)]
    [TestCase("queued", "false", null, CallStatus.Queued)]
    [TestCase("dialing-ish", null, null, CallStatus.Unknown)]
    public async Task Call_status_table(string queueStatus, string? completed, string? answeredBy, CallStatus expected)
    {
        var extra = (completed is null ? string.Empty : $", \"completed\": {completed}") + (answeredBy is null ? string.Empty : $", \"answered_by\": \"{answeredBy}\"");
        _bland.Respond("GET", "/v1/calls", 200, $$"""{"count": 1, "calls": [{"call_id": "c1", "batch_id": "b1", "to": "+14155550101", "queue_status": "{{queueStatus}}"{{extra}}}]}""");

        var calls = await _bland.Sdk.GetAllCallsAsync(ProviderId.Bland, "b1");

        Assert.That(calls.Single().Status, Is.EqualTo(expected));
        Assert.That(calls.Single().RawStatus, Is.EqualTo(queueStatus));
    }

    [Test]
    public async Task A_call_with_only_a_status_word_reads_it()
    {
        _bland.Respond("GET", "/v1/calls", 200, """{"calls": [{"call_id": "c1", "batch_id": "b1", "status": "completed"}]}""");

        var call = (await _bland.Sdk.GetAllCallsAsync(ProviderId.Bland, "b1")).Single();

        Assert.That((call.Status, call.RawStatus), Is.EqualTo((CallStatus.Completed, "completed")));
    }
}
