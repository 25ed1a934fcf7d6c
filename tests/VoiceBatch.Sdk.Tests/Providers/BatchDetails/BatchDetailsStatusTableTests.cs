using static VoiceBatch.Tests.Providers.BatchDetails.BatchDetailsTestServer;

namespace VoiceBatch.Tests.Providers.BatchDetails;

/// <summary>Every row of the batch-status table and of the common call-status table, through the real HTTP stack.</summary>
public sealed class BatchDetailsStatusTableTests
{
    private BatchDetailsTestServer _api = null!;

    [SetUp]
    public void SetUp() => _api = new BatchDetailsTestServer();

    [TearDown]
    public void TearDown() => _api.Dispose();

    [TestCase("active", BatchStatus.Running)]
    [TestCase("completed", BatchStatus.Completed)]
    [TestCase("paused", BatchStatus.Paused)]
    [TestCase("draft", BatchStatus.Draft)]
    [TestCase("created", BatchStatus.Draft)]
    [TestCase("scheduled", BatchStatus.Scheduled)]
    [TestCase("queued", BatchStatus.Queued)]
    [TestCase("pending", BatchStatus.Queued)]
    [TestCase("running", BatchStatus.Running)]
    [TestCase("in_progress", BatchStatus.Running)]
    [TestCase("processing", BatchStatus.Running)]
    [TestCase("finished", BatchStatus.Completed)]
    [TestCase("failed", BatchStatus.Failed)]
    [TestCase("cancelled", BatchStatus.Cancelled)]
    [TestCase("canceled", BatchStatus.Cancelled)]
    [TestCase("stopped", BatchStatus.Cancelled)]
    [TestCase("Active", BatchStatus.Running)]
    [TestCase("archived", BatchStatus.Unknown)]
    public async Task Batch_status_table(string word, BatchStatus expected)
    {
        _api.Answer(Get(), Envelope(1, 0, 0).Replace("\"active\"", $"\"{word}\"", StringComparison.Ordinal));

        var batch = await _api.Api.GetBatchAsync(ProviderId.BatchDetails, BatchId);

        Assert.That(batch.Status, Is.EqualTo(expected));
        Assert.That(batch.RawStatus, Is.EqualTo(word));
    }

    [TestCase("completed", CallStatus.Completed)]
    [TestCase("call-disconnected", CallStatus.Completed)]
    [TestCase("answered", CallStatus.Completed)]
    [TestCase("success", CallStatus.Completed)]
    [TestCase("failed", CallStatus.Failed)]
    [TestCase("error", CallStatus.Failed)]
    [TestCase("balance-low", CallStatus.Failed)]
    [TestCase("no-answer", CallStatus.NoAnswer)]
    [TestCase("not-answered", CallStatus.NoAnswer)]
    [TestCase("voicemail", CallStatus.NoAnswer)]
    [TestCase("busy", CallStatus.Busy)]
    [TestCase("ringing", CallStatus.Ringing)]
    [TestCase("initiated", CallStatus.Ringing)]
    [TestCase("dialing", CallStatus.Ringing)]
    [TestCase("in-progress", CallStatus.InProgress)]
    [TestCase("ongoing", CallStatus.InProgress)]
    [TestCase("connected", CallStatus.InProgress)]
    [TestCase("queued", CallStatus.Queued)]
    [TestCase("scheduled", CallStatus.Queued)]
    [TestCase("pending", CallStatus.Pending)]
    [TestCase("created", CallStatus.Pending)]
    [TestCase("cancelled", CallStatus.Cancelled)]
    [TestCase("canceled", CallStatus.Cancelled)]
    [TestCase("stopped", CallStatus.Cancelled)]
    [TestCase("NO_ANSWER", CallStatus.NoAnswer)]
    [TestCase("transferred", CallStatus.Unknown)]
    public async Task Call_status_common_table(string word, CallStatus expected)
    {
        _api.Answer(Get(), Envelope(1, 1, 1, Record("a", word)));

        var call = (await _api.CallsAsync()).Single();

        Assert.That(call.Status, Is.EqualTo(expected));
        Assert.That(call.RawStatus, Is.EqualTo(word));
    }
}
