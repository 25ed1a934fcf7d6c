using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>The SDK's DialNexa provider against the DialNexa simulator: the whole lifecycle on fake time.</summary>
public sealed class DialNexaEndToEndTests : SimulatorTest
{
    private static readonly ProviderId DialNexa = ProviderId.DialNexa;

    [Test]
    public async Task A_batch_goes_from_initiated_through_waiting_and_running_to_completed()
    {
        var created = await Client.CreateBatchAsync(DialNexa, Request(Contacts(8), concurrency: 3));

        var readings = await Step(DialNexa, created.Id, TimeSpan.FromSeconds(2));

        Assert.Multiple(() =>
        {
            Assert.That(created.RawStatus, Is.EqualTo("initiated"));
            Assert.That(created.Status, Is.EqualTo(BatchStatus.Queued));
            Assert.That(readings.Select(b => b.RawStatus).Distinct(), Is.EqualTo(new[] { "waiting", "running", "completed" }));
            Assert.That(readings.Select(b => b.Status).Distinct(), Is.EqualTo(new[] { BatchStatus.Queued, BatchStatus.Running, BatchStatus.Completed }));
            Assert.That(readings[^1].Progress.Total, Is.EqualTo(8));
            Assert.That(readings[^1].Progress.Finished, Is.EqualTo(8));
            Assert.That(readings[^1].Progress.Fraction, Is.EqualTo(1d));
        });
    }

    [Test]
    public async Task Every_call_ends_and_the_calls_carry_numbers_and_durations()
    {
        var created = await Client.CreateBatchAsync(DialNexa, Request(Contacts(12)));

        var statuses = await CallStatusesSeen(DialNexa, created.Id, TimeSpan.FromSeconds(1));
        var calls = await Client.GetAllCallsAsync(DialNexa, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.SupersetOf(new[] { CallStatus.Pending, CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed }));
            Assert.That(calls, Has.Count.EqualTo(12));
            Assert.That(calls.Select(c => c.PhoneNumber), Is.EquivalentTo(Enumerable.Range(101, 12).Select(i => $"+1415555{i:0000}")));
            Assert.That(calls.Where(c => c.Status == CallStatus.Completed).Select(c => c.Duration), Has.All.GreaterThan(TimeSpan.Zero));
            Assert.That(calls.Select(c => c.Status), Has.All.AnyOf(CallStatus.Completed, CallStatus.NoAnswer, CallStatus.Busy, CallStatus.Failed));
        });
    }

    [Test]
    public async Task A_batch_scheduled_for_later_waits_for_its_start_time()
    {
        var created = await Client.CreateBatchAsync(DialNexa, Request(Contacts(3), at: TestTime.Start.AddHours(1)));

        var before = await Client.GetBatchAsync(DialNexa, created.Id);
        Advance(TimeSpan.FromHours(1));
        var readings = await Step(DialNexa, created.Id, TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That((before.Status, before.RawStatus), Is.EqualTo((BatchStatus.Scheduled, "scheduled")));
            Assert.That(readings[^1].Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(Sim.Batches.Single().Fields, Does.ContainKey("scheduled_at"));
        });
    }

    [Test]
    public async Task Pause_stops_new_calls_and_resume_finishes_the_batch()
    {
        var created = await Client.CreateBatchAsync(DialNexa, Request(Contacts(10), concurrency: 2));
        Advance(TimeSpan.FromSeconds(10));

        var paused = await Client.PauseBatchAsync(DialNexa, created.Id);
        Advance(TimeSpan.FromMinutes(30));
        var stillPaused = await Client.GetBatchAsync(DialNexa, created.Id);
        var resumed = await Client.ResumeBatchAsync(DialNexa, created.Id);
        var readings = await Step(DialNexa, created.Id, TimeSpan.FromSeconds(10));

        Assert.Multiple(() =>
        {
            Assert.That(paused.Status, Is.EqualTo(BatchStatus.Paused));
            Assert.That(stillPaused.Status, Is.EqualTo(BatchStatus.Paused));
            Assert.That(stillPaused.Progress.Finished, Is.LessThan(10), "no new call is dialled while paused");
            Assert.That(resumed.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(readings[^1].Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(Sim.Requests.Where(r => r.Route == "/v1/batch-calls/{id}/status").Select(r => r.Operation), Is.EqualTo(new BatchOperation?[] { BatchOperation.Pause, BatchOperation.Resume }));
        });
    }

    [Test]
    public async Task Cancel_stops_the_batch_a_second_cancel_finds_it_cancelled_and_resume_is_refused()
    {
        var created = await Client.CreateBatchAsync(DialNexa, Request(Contacts(10), concurrency: 2));
        Advance(TimeSpan.FromSeconds(10));

        var cancelled = await Client.CancelBatchAsync(DialNexa, created.Id);
        Advance(TimeSpan.FromMinutes(5));
        var calls = await Client.GetAllCallsAsync(DialNexa, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Status, Is.EqualTo(BatchStatus.Cancelled));
            Assert.That(calls.Count(c => c.Status == CallStatus.Cancelled), Is.GreaterThan(0));
            Assert.That(async () => (await Client.CancelBatchAsync(DialNexa, created.Id)).Status, Is.EqualTo(BatchStatus.Cancelled),
                "DialNexa refuses the repeat (400), but the batch already is where cancel leads: a retried cancel is not a failure");
            Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => Client.ResumeBatchAsync(DialNexa, created.Id));
        });
    }

    [Test]
    public async Task Listing_pages_with_page_and_limit()
    {
        for (var i = 0; i < 5; i++) await Client.CreateBatchAsync(DialNexa, Request(Contacts(1, 200 + i), name: $"Batch {i}"));

        var listed = new List<BatchCall>();
        await foreach (var batch in Client.ListBatchesAsync(DialNexa, new BatchQuery { PageSize = 2 })) listed.Add(batch);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(b => b.Name), Is.EqualTo(new[] { "Batch 4", "Batch 3", "Batch 2", "Batch 1", "Batch 0" }), "newest first");
            Assert.That(Sim.Requests.Where(r => r.Operation == BatchOperation.List).Select(r => r.Query), Is.EqualTo(new[] { "?page=1&limit=2", "?page=2&limit=2", "?page=3&limit=2" }));
        });
    }

    [Test]
    public async Task A_destination_the_workspace_does_not_enable_comes_back_as_row_errors()
    {
        var contacts = ContactList.FromRows(
        [
            new Dictionary<string, string> { ["phone_number"] = "+14155550101", ["customer_name"] = "Ada" },
            new Dictionary<string, string> { ["phone_number"] = "+5352345678", ["customer_name"] = "Blocked" },
        ]);

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => Client.CreateBatchAsync(DialNexa, Request(contacts)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Errors.Select(e => (e.Row, e.Reason)), Is.EqualTo(new[] { (3, "Unsupported destination country") }));
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [Test]
    public void A_title_over_35_characters_is_refused_before_anything_is_sent()
    {
        var name = new string('x', 40);

        var ex = Assert.ThrowsAsync<ArgumentException>(() => Client.CreateBatchAsync(DialNexa, Request(Contacts(1), name: name)));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.Message, Does.Contain("35"));
            Assert.That(Sim.Requests.Where(r => r.Method == "POST"), Is.Empty, "the SDK refuses what DialNexa would refuse (400 \"title must be 35 characters or fewer\")");
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [Test]
    public async Task The_seed_batches_read_as_documented()
    {
        var schema = await Client.GetBatchAsync(DialNexa, "batch_abc123");
        var prose = await Client.GetBatchAsync(DialNexa, "bat_q1r5sv9mdk3z");

        Assert.Multiple(() =>
        {
            Assert.That((schema.Status, schema.Progress.Total, schema.Progress.Completed, schema.Progress.Failed), Is.EqualTo((BatchStatus.Completed, (int?)250, 235, 15)));
            Assert.That((prose.Status, prose.Progress.Total), Is.EqualTo((BatchStatus.Running, (int?)250)));
        });
    }
}
