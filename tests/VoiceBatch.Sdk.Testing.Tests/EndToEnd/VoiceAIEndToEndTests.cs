using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>The SDK's VoiceAI provider against the VoiceAI (ThreeTone) simulator.</summary>
public sealed class VoiceAIEndToEndTests : SimulatorTest
{
    private static readonly ProviderId VoiceAI = ProviderId.VoiceAI;

    [Test]
    public async Task A_batch_goes_from_pending_through_in_progress_to_completed_with_every_recipient_status()
    {
        var created = await Client.CreateBatchAsync(VoiceAI, Request(Contacts(12)));

        var statuses = await CallStatusesSeen(VoiceAI, created.Id, TimeSpan.FromSeconds(1));
        var done = await Client.GetBatchAsync(VoiceAI, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That((created.Status, created.RawStatus), Is.EqualTo((BatchStatus.Queued, "pending")));
            Assert.That((done.Status, done.RawStatus), Is.EqualTo((BatchStatus.Completed, "completed")));
            Assert.That(done.Calls, Has.Count.EqualTo(12));
            Assert.That(done.Progress.Finished, Is.EqualTo(12));
            Assert.That(statuses, Is.SupersetOf(new[] { CallStatus.Pending, CallStatus.Queued, CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed }));
            Assert.That(done.Calls.Select(c => c.Variables["customer_name"]), Is.EquivalentTo(Enumerable.Range(1, 12).Select(i => $"Customer {i}")));
        });
    }

    [Test]
    public async Task The_batch_reads_queued_then_running_then_completed()
    {
        var created = await Client.CreateBatchAsync(VoiceAI, Request(Contacts(4)));

        var readings = await Step(VoiceAI, created.Id, TimeSpan.FromSeconds(1));

        Assert.That(readings.Select(b => b.Status).Distinct(), Is.EqualTo(new[] { BatchStatus.Queued, BatchStatus.Running, BatchStatus.Completed }));
    }

    [Test]
    public async Task A_scheduled_batch_is_pending_until_its_time()
    {
        var created = await Client.CreateBatchAsync(VoiceAI, Request(Contacts(2), at: TestTime.Start.AddMinutes(30)));

        var waiting = await Client.GetBatchAsync(VoiceAI, created.Id);
        Advance(TimeSpan.FromMinutes(30));
        var readings = await Step(VoiceAI, created.Id, TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That((waiting.Status, waiting.RawStatus), Is.EqualTo((BatchStatus.Scheduled, "pending")));
            Assert.That(waiting.ScheduledAt, Is.EqualTo(TestTime.Start.AddMinutes(30)));
            Assert.That(readings[^1].Status, Is.EqualTo(BatchStatus.Completed));
        });
    }

    [Test]
    public async Task Retry_calls_the_failed_and_unanswered_recipients_again()
    {
        var created = await Client.CreateBatchAsync(VoiceAI, Request(Contacts(20)));
        await Step(VoiceAI, created.Id, TimeSpan.FromSeconds(10));
        var first = await Client.GetBatchAsync(VoiceAI, created.Id);
        var unreached = first.Calls.Where(c => c.Status != CallStatus.Completed).Select(c => c.Id).ToList();

        Assert.ThrowsAsync<VoiceBatchInvalidStateException>(async () =>
        {
            var running = await Client.CreateBatchAsync(VoiceAI, Request(Contacts(2)));
            await Client.RetryBatchAsync(VoiceAI, running.Id);
        }, "a batch still running cannot be retried");

        var retried = await Client.RetryBatchAsync(VoiceAI, created.Id);
        var again = await Step(VoiceAI, created.Id, TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(unreached, Is.Not.Empty, "the default mix leaves some calls unanswered");
            Assert.That(retried.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(again[^1].Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(again[^1].Raw!.Value.GetProperty("retry_count").GetInt32(), Is.EqualTo(1));
            Assert.That(Sim.Requests.Count(r => r.Operation == BatchOperation.Retry && r.StatusCode == 200), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Cancel_marks_the_waiting_recipients_cancelled()
    {
        var created = await Client.CreateBatchAsync(VoiceAI, Request(Contacts(10), concurrency: 2));
        Advance(TimeSpan.FromSeconds(5));

        var cancelled = await Client.CancelBatchAsync(VoiceAI, created.Id);
        var read = await Client.GetBatchAsync(VoiceAI, created.Id);
        Advance(TimeSpan.FromMinutes(10));
        var later = await Client.GetBatchAsync(VoiceAI, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Status, Is.EqualTo(BatchStatus.Cancelled));
            Assert.That(read.Calls.Count(c => c.Status == CallStatus.Cancelled), Is.GreaterThan(0));
            Assert.That(later.Calls.Count(c => c.Status == CallStatus.Cancelled), Is.EqualTo(read.Calls.Count(c => c.Status == CallStatus.Cancelled)), "nothing is dialled after a cancel");
            Assert.That(later.Calls.Where(c => c.Status != CallStatus.Cancelled).Select(c => c.Status), Has.None.AnyOf(CallStatus.Pending, CallStatus.Ringing, CallStatus.InProgress), "calls on the line finish");
            Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => Client.CancelBatchAsync(VoiceAI, created.Id));
        });
    }

    [Test]
    public async Task Listing_follows_the_cursor()
    {
        for (var i = 0; i < 5; i++) await Client.CreateBatchAsync(VoiceAI, Request(Contacts(1, 300 + i), name: $"Batch {i}"));

        var listed = new List<BatchCall>();
        await foreach (var batch in Client.ListBatchesAsync(VoiceAI, new BatchQuery { PageSize = 2 })) listed.Add(batch);

        var cursors = Sim.Requests.Where(r => r.Operation == BatchOperation.List).Select(r => r.Query).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(b => b.Name), Is.EqualTo(new[] { "Batch 4", "Batch 3", "Batch 2", "Batch 1", "Batch 0" }));
            Assert.That(cursors, Has.Count.EqualTo(3));
            Assert.That(cursors[1], Does.Contain("last_doc=" + listed[1].Id));
        });
    }

    [Test]
    public async Task The_seed_batch_reads_as_documented()
    {
        var seed = await Client.GetBatchAsync(VoiceAI, "<string>");

        Assert.Multiple(() =>
        {
            Assert.That(seed.Id, Is.EqualTo("<string>"));
            Assert.That(seed.RawStatus, Is.EqualTo("pending"));
            Assert.That(seed.Calls, Has.Count.EqualTo(1));
        });
    }
}
