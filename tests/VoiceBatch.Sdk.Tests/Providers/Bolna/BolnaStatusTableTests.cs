using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace VoiceBatch.Tests.Providers.Bolna;

/// <summary>Every row of VENDORS.md's Bolna batch-status and execution-status tables, through the real HTTP stack.</summary>
public sealed class BolnaStatusTableTests
{
    private BolnaTestServer _bolna = null!;

    [SetUp]
    public void SetUp() => _bolna = new BolnaTestServer();

    [TearDown]
    public void TearDown() => _bolna.Dispose();

    private Task<BatchCall> GetAsync(string json)
    {
        _bolna.Server.Given(Request.Create().WithPath("/batches/b1").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(json));
        return _bolna.Sdk.GetBatchAsync(ProviderId.Bolna, "b1");
    }

    [TestCase("created", BatchStatus.Draft)]
    [TestCase("scheduled", BatchStatus.Scheduled)]
    [TestCase("queued", BatchStatus.Queued)]
    [TestCase("running", BatchStatus.Running)]
    [TestCase("completed", BatchStatus.Completed)]
    [TestCase("stopped", BatchStatus.Cancelled)]
    [TestCase("canceled", BatchStatus.Cancelled)]
    [TestCase("cancelled", BatchStatus.Cancelled)]
    [TestCase("failed", BatchStatus.Failed)]
    [TestCase("Scheduled", BatchStatus.Scheduled)]
    [TestCase("archived", BatchStatus.Unknown)]
    [TestCase("processed", BatchStatus.Draft)]
    public async Task Batch_status_table(string word, BatchStatus expected)
    {
        var batch = await GetAsync($$"""{"batch_id":"b1","status":"{{word}}","valid_contacts":3}""");

        Assert.That(batch.Status, Is.EqualTo(expected));
        Assert.That(batch.RawStatus, Is.EqualTo(word));
    }

    [Test]
    public async Task A_blank_status_is_unknown_and_reads_as_none_sent()
    {
        var batch = await GetAsync("""{"batch_id":"b1","status":"","valid_contacts":3}""");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Unknown));
        Assert.That(batch.RawStatus, Is.Null);
    }

    [Test]
    public async Task Missing_status_is_unknown_with_no_raw_status()
    {
        var batch = await GetAsync("""{"batch_id":"b1"}""");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Unknown));
        Assert.That(batch.RawStatus, Is.Null);
    }

    [TestCase("""{"completed":3}""")]
    [TestCase("""{"completed":2,"no-answer":1,"stopped":1}""")]
    [TestCase("""{"completed":1,"queued":0,"ringing":0}""")]
    [TestCase("""{}""")]
    [TestCase("""{"completed":1,"mystery-word":4}""")]
    public async Task Executed_with_nothing_left_to_dial_is_completed(string executionStatus)
    {
        var batch = await GetAsync($$"""{"batch_id":"b1","status":"executed","valid_contacts":3,"execution_status":{{executionStatus}}}""");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Completed));
    }

    [TestCase("scheduled")]
    [TestCase("queued")]
    [TestCase("rescheduled")]
    [TestCase("initiated")]
    [TestCase("ringing")]
    [TestCase("in-progress")]
    public async Task Executed_with_an_open_execution_is_still_running(string open)
    {
        var batch = await GetAsync($$$"""{"batch_id":"b1","status":"executed","valid_contacts":3,"execution_status":{"completed":2,"{{{open}}}":1}}""");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Running));
    }

    [Test]
    public async Task Executed_without_valid_contacts_decides_from_the_execution_status_keys()
    {
        var done = await GetAsync("""{"batch_id":"b1","status":"executed","execution_status":{"completed":5,"busy":1}}""");
        _bolna.Server.Reset();
        var open = await GetAsync("""{"batch_id":"b1","status":"executed","execution_status":{"completed":5,"queued":2}}""");

        Assert.Multiple(() =>
        {
            Assert.That(done.Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(open.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(open.Progress.Total, Is.Null);
            Assert.That(open.Progress.Pending, Is.EqualTo(2), "without valid_contacts the queued count is the vendor's own pending count");
        });
    }

    [Test]
    public async Task Executed_with_counters_above_valid_contacts_still_sees_the_queued_call()
    {
        // Derived Pending is 0 and nothing is in progress because the counts exceed valid_contacts; a rule built on
        // Pending/InProgress would say Completed although an execution is still queued.
        var batch = await GetAsync("""{"batch_id":"b1","status":"executed","valid_contacts":2,"execution_status":{"completed":3,"queued":1}}""");

        Assert.That(batch.Status, Is.EqualTo(BatchStatus.Running));
    }

    [TestCase("scheduled", CallStatus.Queued)]
    [TestCase("queued", CallStatus.Queued)]
    [TestCase("rescheduled", CallStatus.Queued)]
    [TestCase("initiated", CallStatus.Ringing)]
    [TestCase("ringing", CallStatus.Ringing)]
    [TestCase("in-progress", CallStatus.InProgress)]
    [TestCase("call-disconnected", CallStatus.InProgress)]
    [TestCase("prepared", CallStatus.Pending)]
    [TestCase("completed", CallStatus.Completed)]
    [TestCase("busy", CallStatus.Busy)]
    [TestCase("no-answer", CallStatus.NoAnswer)]
    [TestCase("balance-low", CallStatus.Failed)]
    [TestCase("failed", CallStatus.Failed)]
    [TestCase("error", CallStatus.Failed)]
    [TestCase("canceled", CallStatus.Cancelled)]
    [TestCase("stopped", CallStatus.Cancelled)]
    [TestCase("IN_PROGRESS", CallStatus.InProgress)]
    [TestCase("voicemail-left", CallStatus.Unknown)]
    [TestCase("initiate", CallStatus.Unknown)]
    public async Task Execution_status_table(string word, CallStatus expected)
    {
        _bolna.Server.Given(Request.Create().WithPath("/batches/b1/executions").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(
                $$"""{"page_number":1,"page_size":50,"total":1,"has_more":false,"data":[{"id":"e1","status":"{{word}}"}]}"""));

        var calls = new List<CallRecord>();
        await foreach (var call in _bolna.Sdk.GetCallsAsync(ProviderId.Bolna, "b1")) calls.Add(call);

        Assert.That(calls.Single().Status, Is.EqualTo(expected));
        Assert.That(calls.Single().RawStatus, Is.EqualTo(word));
    }

    [TestCase("scheduled", 0, 0)]
    [TestCase("queued", 0, 0)]
    [TestCase("rescheduled", 0, 0)]
    [TestCase("initiated", 4, 0)]
    [TestCase("ringing", 4, 0)]
    [TestCase("in-progress", 4, 0)]
    [TestCase("call-disconnected", 4, 0)]
    [TestCase("running", 4, 0)]
    [TestCase("completed", 0, 4)]
    public async Task Execution_status_counts_land_in_the_canonical_counters(string word, int inProgress, int completed)
    {
        var batch = await GetAsync($$$"""{"batch_id":"b1","status":"running","valid_contacts":10,"execution_status":{"{{{word}}}":4}}""");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Progress.InProgress, Is.EqualTo(inProgress));
            Assert.That(batch.Progress.Completed, Is.EqualTo(completed));
            Assert.That(batch.Progress.Pending, Is.EqualTo(10 - inProgress - completed));
        });
    }

    [TestCase("busy")]
    [TestCase("no-answer")]
    [TestCase("balance-low")]
    [TestCase("failed")]
    [TestCase("error")]
    public async Task Unsuccessful_executions_count_as_failed(string word)
    {
        var batch = await GetAsync($$$"""{"batch_id":"b1","status":"running","valid_contacts":10,"execution_status":{"{{{word}}}":4}}""");

        Assert.That(batch.Progress.Failed, Is.EqualTo(4));
        Assert.That(batch.Progress.Finished, Is.EqualTo(4));
    }

    [TestCase("canceled")]
    [TestCase("stopped")]
    public async Task Stopped_executions_count_as_cancelled_not_failed(string word)
    {
        var batch = await GetAsync($$$"""{"batch_id":"b1","status":"stopped","valid_contacts":10,"execution_status":{"{{{word}}}":4}}""");

        Assert.That(batch.Progress.Cancelled, Is.EqualTo(4));
        Assert.That(batch.Progress.Failed, Is.Zero);
    }
}
