namespace VoiceBatch.Tests.Providers.Synthflow;

/// <summary>Every row of the Synthflow batch-status, recipient-status and counter tables, through the real HTTP stack.</summary>
public sealed class SynthflowStatusTableTests
{
    private SynthflowTestServer _sf = null!;

    [SetUp]
    public void SetUp() => _sf = new SynthflowTestServer();

    [TearDown]
    public void TearDown() => _sf.Dispose();

    private Task<BatchCall> GetAsync(string batch)
    {
        _sf.Answer("GET", "/v2/calls/batch/b1", SynthflowTestServer.Ok(batch));
        return _sf.Sdk.GetBatchAsync(ProviderId.Synthflow, "b1");
    }

    private async Task<CallRecord> TaskAsync(string word)
    {
        _sf.Answer("GET", "/v2/calls/batch/b1/tasks", SynthflowTestServer.Ok(
            $$"""{"pagination":{"total_records":1,"limit":100,"offset":0},"tasks":[{"id":"row-2","to_phone_number":"+12025551234","status":"{{word}}"}]}"""));
        var calls = new List<CallRecord>();
        await foreach (var call in _sf.Sdk.GetCallsAsync(ProviderId.Synthflow, "b1")) calls.Add(call);
        return calls.Single();
    }

    [TestCase("scheduled", 0, 0, 10, BatchStatus.Queued)]
    [TestCase("scheduled", 3, 0, 7, BatchStatus.Running)]
    [TestCase("scheduled", 0, 1, 9, BatchStatus.Running)]
    [TestCase("scheduled", 0, 0, 8, BatchStatus.Running)] // two claimed: dialling has begun
    [TestCase("in_progress", 10, 0, 0, BatchStatus.Running)]
    [TestCase("paused", 4, 0, 6, BatchStatus.Paused)]
    [TestCase("completed", 9, 1, 0, BatchStatus.Completed)]
    [TestCase("canceled", 4, 0, 0, BatchStatus.Cancelled)]
    [TestCase("cancelled", 4, 0, 0, BatchStatus.Cancelled)]
    [TestCase("IN-PROGRESS", 10, 0, 0, BatchStatus.Running)]
    [TestCase("failed", 0, 10, 0, BatchStatus.Unknown)]
    [TestCase("draft", 0, 0, 10, BatchStatus.Unknown)]
    public async Task Batch_status_table(string word, int dispatched, int failed, int pending, BatchStatus expected)
    {
        var batch = await GetAsync(SynthflowTestServer.Batch(status: word, dispatched: dispatched, failed: failed, pending: pending));

        Assert.That(batch.Status, Is.EqualTo(expected));
        Assert.That(batch.RawStatus, Is.EqualTo(word));
        Assert.That(batch.ScheduledAt, Is.Null, "Synthflow publishes no start time: a scheduled batch is never Scheduled");
    }

    [Test]
    public async Task A_missing_status_is_unknown_with_no_raw_status()
    {
        var batch = await GetAsync("""{"batch_call_id":"b1"}""");

        Assert.That((batch.Status, batch.RawStatus), Is.EqualTo((BatchStatus.Unknown, (string?)null)));
        Assert.That(batch.Progress.Total, Is.Null);
    }

    [TestCase("pending", CallStatus.Pending)]
    [TestCase("claimed", CallStatus.Queued)]
    [TestCase("dispatched", CallStatus.Completed)]
    [TestCase("failed", CallStatus.Failed)]
    [TestCase("canceled", CallStatus.Cancelled)]
    [TestCase("cancelled", CallStatus.Cancelled)]
    [TestCase("DISPATCHED", CallStatus.Completed)]
    [TestCase("ringing", CallStatus.Unknown)]
    [TestCase("completed", CallStatus.Unknown)]
    public async Task Recipient_status_table(string word, CallStatus expected)
    {
        var call = await TaskAsync(word);

        Assert.That(call.Status, Is.EqualTo(expected));
        Assert.That(call.RawStatus, Is.EqualTo(word));
    }

    [Test]
    public async Task A_running_batch_counts_placed_failed_claimed_and_waiting_recipients()
    {
        var batch = await GetAsync(SynthflowTestServer.Batch(total: 10, dispatched: 4, failed: 1, pending: 3));

        var p = batch.Progress;
        Assert.Multiple(() =>
        {
            Assert.That(p.Total, Is.EqualTo(10));
            Assert.That(p.Completed, Is.EqualTo(4), "dispatched_count: calls placed");
            Assert.That(p.Failed, Is.EqualTo(1), "failed_count: calls that could not be placed");
            Assert.That(p.Pending, Is.EqualTo(5), "3 waiting + 2 claimed (the recipients the four counters do not account for)");
            Assert.That(p.InProgress, Is.Zero);
            Assert.That(p.Cancelled, Is.Zero);
            Assert.That(p.Finished, Is.EqualTo(5));
            Assert.That(p.Fraction, Is.EqualTo(0.5));
        });
    }

    [Test]
    public async Task A_cancelled_batch_counts_the_undialled_rest_as_cancelled()
    {
        var batch = await GetAsync(SynthflowTestServer.Batch(status: "canceled", total: 10, dispatched: 3, failed: 1, pending: 0));

        Assert.Multiple(() =>
        {
            Assert.That(batch.Progress.Cancelled, Is.EqualTo(6));
            Assert.That(batch.Progress.Finished, Is.EqualTo(10));
            Assert.That(batch.Progress.Pending, Is.Zero);
            Assert.That(batch.IsTerminal, Is.True);
        });
    }

    [Test]
    public async Task A_cancelled_batch_without_a_pending_count_still_counts_the_rest_as_cancelled()
    {
        var batch = await GetAsync("""{"batch_call_id":"b1","status":"canceled","total_task_count":5,"dispatched_count":2}""");

        Assert.That((batch.Progress.Cancelled, batch.Progress.Completed, batch.Progress.Pending), Is.EqualTo((3, 2, 0)));
    }

    [Test]
    public async Task A_completed_batch_is_fully_finished()
    {
        var batch = await GetAsync(SynthflowTestServer.Batch(status: "completed", total: 10, dispatched: 8, failed: 2, pending: 0));

        Assert.That((batch.Progress.Completed, batch.Progress.Failed, batch.Progress.Finished, batch.Progress.Fraction), Is.EqualTo((8, 2, 10, (double?)1d)));
    }

    [Test]
    public async Task Counters_that_overshoot_the_total_never_push_pending_below_zero()
    {
        var batch = await GetAsync(SynthflowTestServer.Batch(status: "in_progress", total: 5, dispatched: 6, failed: 1, pending: 2));

        Assert.Multiple(() =>
        {
            Assert.That(batch.Progress.Pending, Is.Zero);
            Assert.That(batch.Progress.Fraction, Is.EqualTo(1d));
        });
    }

    [Test]
    public async Task Counters_sent_as_text_are_read()
    {
        var batch = await GetAsync("""{"batch_call_id":"b1","status":"scheduled","total_task_count":"4","dispatched_count":"1","failed_count":"0","pending_count":"3"}""");

        Assert.That((batch.Progress.Total, batch.Progress.Completed, batch.Progress.Pending, batch.Status), Is.EqualTo(((int?)4, 1, 3, BatchStatus.Running)));
    }

    [Test]
    public async Task Without_a_total_the_waiting_recipients_are_pending_and_the_total_stays_unknown()
    {
        var batch = await GetAsync("""{"batch_call_id":"b1","status":"scheduled","dispatched_count":2,"pending_count":3}""");

        Assert.That((batch.Progress.Total, batch.Progress.Pending, batch.Progress.Completed, batch.Progress.Fraction), Is.EqualTo(((int?)null, 3, 2, (double?)null)));
    }
}
