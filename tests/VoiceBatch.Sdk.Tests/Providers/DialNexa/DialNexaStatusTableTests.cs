using WireMock.RequestBuilders;

namespace VoiceBatch.Tests.Providers.DialNexa;

/// <summary>Every row of VENDORS.md's DialNexa status tables, end to end through the real stack.</summary>
public sealed class DialNexaStatusTableTests : DialNexaFixture
{
    [TestCase("initiated", BatchStatus.Queued)]
    [TestCase("queued", BatchStatus.Queued)]
    [TestCase("waiting", BatchStatus.Queued)]
    [TestCase("active", BatchStatus.Queued)]
    [TestCase("draft", BatchStatus.Draft)]
    [TestCase("scheduled", BatchStatus.Scheduled)]
    [TestCase("running", BatchStatus.Running)]
    [TestCase("processing", BatchStatus.Running)]
    [TestCase("paused", BatchStatus.Paused)]
    [TestCase("completed", BatchStatus.Completed)]
    [TestCase("failed", BatchStatus.Failed)]
    [TestCase("cancelled", BatchStatus.Cancelled)]
    [TestCase("canceled", BatchStatus.Cancelled)]
    [TestCase("deleted", BatchStatus.Cancelled)]
    [TestCase("RUNNING", BatchStatus.Running)]
    [TestCase("exploded", BatchStatus.Unknown)]
    [TestCase("", BatchStatus.Unknown)]
    public async Task Batch_status_word_maps_to_canonical(string word, BatchStatus expected)
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/b1").UsingGet(), $$"""{"id":"b1","status":"{{word}}"}""");

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(expected));
            Assert.That(batch.RawStatus, Is.EqualTo(word.Length == 0 ? null : word), "the vendor's word is kept as sent");
        });
    }

    [TestCase("active", BatchStatus.Scheduled)]
    [TestCase("queued", BatchStatus.Scheduled)]
    [TestCase("waiting", BatchStatus.Scheduled)]
    [TestCase("initiated", BatchStatus.Scheduled)]
    [TestCase("running", BatchStatus.Running)]
    [TestCase("paused", BatchStatus.Paused)]
    [TestCase("draft", BatchStatus.Draft)]
    public async Task A_future_scheduled_at_makes_a_waiting_batch_Scheduled(string word, BatchStatus expected)
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/b1").UsingGet(), $$"""{"id":"b1","status":"{{word}}","scheduled_at":"2024-06-02T09:00:00Z"}""");

        var batch = await Client.GetBatchAsync(ProviderId.DialNexa, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(batch.Status, Is.EqualTo(expected));
            Assert.That(batch.ScheduledAt, Is.EqualTo(new DateTimeOffset(2024, 6, 2, 9, 0, 0, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task A_past_scheduled_at_leaves_an_active_batch_Queued_and_the_clock_decides()
    {
        Answer(Request.Create().WithPath("/v1/batch-calls/b1").UsingGet(), """{"id":"b1","status":"active","scheduled_at":"2024-06-01T12:30:00Z"}""");

        var before = await Client.GetBatchAsync(ProviderId.DialNexa, "b1");
        Clock.Advance(TimeSpan.FromHours(1));
        var after = await Client.GetBatchAsync(ProviderId.DialNexa, "b1");

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(BatchStatus.Scheduled), "12:30 is ahead of the fake clock's 12:00");
            Assert.That(after.Status, Is.EqualTo(BatchStatus.Queued), "at 13:00 the start time has passed");
        });
    }

    [TestCase("created", CallStatus.Pending)]
    [TestCase("initiated", CallStatus.Queued)]
    [TestCase("sent", CallStatus.Ringing)]
    [TestCase("received", CallStatus.InProgress)]
    [TestCase("completed", CallStatus.Completed)]
    [TestCase("did_not_pick", CallStatus.NoAnswer)]
    [TestCase("no_answer", CallStatus.NoAnswer)]
    [TestCase("no-answer", CallStatus.NoAnswer)]
    [TestCase("busy", CallStatus.Busy)]
    [TestCase("failed", CallStatus.Failed)]
    [TestCase("retry_expired", CallStatus.Failed)]
    [TestCase("cancelled", CallStatus.Cancelled)]
    [TestCase("canceled", CallStatus.Cancelled)]
    [TestCase("teleported", CallStatus.Unknown)]
    public async Task Call_log_status_word_maps_to_canonical(string word, CallStatus expected)
    {
        Answer(Request.Create().WithPath("/v1/calls").UsingGet(), $$"""[{"id":"c1","to_number":"+14155550101","status":"{{word}}"}]""");

        var calls = await ToListAsync(Client.GetCallsAsync(ProviderId.DialNexa, "b1"));

        Assert.Multiple(() =>
        {
            Assert.That(calls.Single().Status, Is.EqualTo(expected));
            Assert.That(calls.Single().RawStatus, Is.EqualTo(word));
        });
    }
}
