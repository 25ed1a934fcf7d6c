namespace VoiceBatch.Tests.Providers.VoiceAI;

/// <summary>Every row of VoiceAI's batch and recipient status tables (VENDORS.md), on a fixed clock.</summary>
public sealed class VoiceAIStatusTableTests
{
    private VoiceAITestHost _host = null!;

    [SetUp]
    public void SetUp() => _host = new VoiceAITestHost();

    [TearDown]
    public void TearDown() => _host.Dispose();

    private async Task<BatchCall> GetAsync(string body)
    {
        _host.Respond("GET", $"{VoiceAITestHost.Root}/b1", 200, body);
        return await _host.Sdk.GetBatchAsync(ProviderId.VoiceAI, "b1");
    }

    [TestCase("pending", 1773500000, BatchStatus.Scheduled)]
    [TestCase("pending", 1773480600, BatchStatus.Queued)] // exactly now: not in the future
    [TestCase("pending", 1773400000, BatchStatus.Queued)]
    [TestCase("pending", null, BatchStatus.Queued)]
    [TestCase("in_progress", null, BatchStatus.Running)]
    [TestCase("In-Progress", null, BatchStatus.Running)]
    [TestCase("completed", null, BatchStatus.Completed)]
    [TestCase("failed", null, BatchStatus.Failed)]
    [TestCase("cancelled", null, BatchStatus.Cancelled)]
    [TestCase("canceled", null, BatchStatus.Cancelled)]
    [TestCase("paused_by_moon", null, BatchStatus.Unknown)]
    public async Task Batch_status_table(string word, long? scheduledUnix, BatchStatus expected)
    {
        Assert.That(VoiceAITestHost.Now.ToUnixTimeSeconds(), Is.EqualTo(1773480600), "the test clock");
        var scheduled = scheduledUnix is { } s ? $", \"scheduled_time_unix\": {s}" : string.Empty;

        var batch = await GetAsync($$"""{ "id": "b1", "status": "{{word}}"{{scheduled}} }""");

        Assert.That(batch.Status, Is.EqualTo(expected));
        Assert.That(batch.RawStatus, Is.EqualTo(word));
    }

    [Test]
    public async Task Scheduled_becomes_queued_once_the_clock_passes_the_start_time()
    {
        _host.Respond("GET", $"{VoiceAITestHost.Root}/b1", 200, """{ "id": "b1", "status": "pending", "scheduled_time_unix": 1773484200 }""");

        var before = await _host.Sdk.GetBatchAsync(ProviderId.VoiceAI, "b1");
        _host.Time.Advance(TimeSpan.FromHours(2));
        var after = await _host.Sdk.GetBatchAsync(ProviderId.VoiceAI, "b1");

        Assert.That(before.Status, Is.EqualTo(BatchStatus.Scheduled));
        Assert.That(after.Status, Is.EqualTo(BatchStatus.Queued));
    }

    [TestCase("pending", CallStatus.Pending)]
    [TestCase("dispatched", CallStatus.Queued)]
    [TestCase("initiated", CallStatus.Ringing)]
    [TestCase("in_progress", CallStatus.InProgress)]
    [TestCase("completed", CallStatus.Completed)]
    [TestCase("failed", CallStatus.Failed)]
    [TestCase("cancelled", CallStatus.Cancelled)]
    [TestCase("voicemail", CallStatus.NoAnswer)]
    [TestCase("IN-PROGRESS", CallStatus.InProgress)]
    [TestCase("teleported", CallStatus.Unknown)]
    public async Task Recipient_status_table(string word, CallStatus expected)
    {
        var batch = await GetAsync($$"""{ "id": "b1", "status": "in_progress", "recipients": [ { "id": "r1", "status": "{{word}}", "phone_number": "+14155550101" } ] }""");

        Assert.That(batch.Calls.Single().Status, Is.EqualTo(expected));
        Assert.That(batch.Calls.Single().RawStatus, Is.EqualTo(word));
    }
}
