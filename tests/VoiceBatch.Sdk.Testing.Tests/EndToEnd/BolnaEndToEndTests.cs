using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>The SDK's Bolna provider against the Bolna simulator: upload, schedule (rounded up to 10 minutes), run, stop.</summary>
public sealed class BolnaEndToEndTests : SimulatorTest
{
    private static readonly ProviderId Bolna = ProviderId.Bolna;

    [Test]
    public async Task A_batch_is_scheduled_then_queued_running_and_completed()
    {
        var created = await Client.CreateBatchAsync(Bolna, Request(Contacts(6)));

        var readings = await Step(Bolna, created.Id, TimeSpan.FromSeconds(5), maxSteps: 1000);
        var batch = Sim.Batches.Single();

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That(readings.Select(b => b.RawStatus).Distinct(), Is.EqualTo(new[] { "scheduled", "queued", "running", "completed" }));
            Assert.That(readings.Select(b => b.Status).Distinct(), Is.EqualTo(new[] { BatchStatus.Scheduled, BatchStatus.Queued, BatchStatus.Running, BatchStatus.Completed }));
            Assert.That(batch.ScheduledAt, Is.EqualTo(TestTime.Start.AddMinutes(10)), "now + 3 minutes, rounded up to the next 10-minute mark");
            Assert.That(Sim.Requests.Select(r => r.Operation).Take(2), Is.EqualTo(new BatchOperation?[] { BatchOperation.Create, BatchOperation.Schedule }));
            Assert.That(readings[^1].Progress.Total, Is.EqualTo(6));
        });
    }

    [Test]
    public async Task Executions_carry_every_call_with_its_outcome()
    {
        var created = await Client.CreateBatchAsync(Bolna, Request(Contacts(10)));
        Advance(TimeSpan.FromMinutes(10));

        var statuses = await CallStatusesSeen(Bolna, created.Id, TimeSpan.FromSeconds(1), maxSteps: 1000);
        var calls = await Client.GetAllCallsAsync(Bolna, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.SupersetOf(new[] { CallStatus.Queued, CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed }));
            Assert.That(calls, Has.Count.EqualTo(10));
            Assert.That(calls.Select(c => c.PhoneNumber), Has.All.StartWith("+1415555"));
            Assert.That(calls.Where(c => c.Status == CallStatus.Completed).Select(c => c.Transcript), Has.All.Not.Null);
            Assert.That(calls[0].Variables, Does.ContainKey("customer_name"));
        });
    }

    [Test]
    public async Task Rescheduling_moves_the_start_and_stop_cancels()
    {
        var created = await Client.CreateBatchAsync(Bolna, Request(Contacts(6)));

        var moved = await Client.ScheduleBatchAsync(Bolna, created.Id, TestTime.Start.AddHours(2).AddMinutes(1));
        Advance(TimeSpan.FromHours(2).Add(TimeSpan.FromMinutes(10)).Add(TimeSpan.FromSeconds(4)));
        var running = await Client.GetBatchAsync(Bolna, created.Id);
        var stopped = await Client.CancelBatchAsync(Bolna, created.Id);
        var read = await Client.GetBatchAsync(Bolna, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That(moved.Status, Is.EqualTo(BatchStatus.Scheduled));
            Assert.That(Sim.Batches.Single().ScheduledAt, Is.EqualTo(TestTime.Start.AddHours(2).AddMinutes(10)));
            Assert.That(running.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(stopped.Status, Is.EqualTo(BatchStatus.Cancelled));
            Assert.That(read.RawStatus, Is.EqualTo("stopped"));
            Assert.That(async () => (await Client.CancelBatchAsync(Bolna, created.Id)).Status, Is.EqualTo(BatchStatus.Cancelled),
                "a second stop meets Bolna's 404 'Batch is not queued or running', and the batch is already stopped: not a failure");
        });
    }

    [Test]
    public async Task Listing_returns_the_agents_batches()
    {
        await Client.CreateBatchAsync(Bolna, Request(Contacts(1)) );
        await Client.CreateBatchAsync(Bolna, new CreateBatchRequest { AgentId = "agent_other", Contacts = Contacts(1, 500) });

        var listed = new List<BatchCall>();
        await foreach (var batch in Client.ListBatchesAsync(Bolna, new BatchQuery { AgentId = "agent_sim_1" })) listed.Add(batch);

        Assert.That(listed, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task The_seed_batch_reads_as_documented()
    {
        var seed = await Client.GetBatchAsync(Bolna, "3c90c3cc0d444b5088888dd25736052a");

        Assert.Multiple(() =>
        {
            Assert.That((seed.Status, seed.Progress.Total), Is.EqualTo((BatchStatus.Scheduled, (int?)7)));
            Assert.That(seed.UpdatedAt, Is.Null, "the seed's own 04:22:89");
        });
    }
}
