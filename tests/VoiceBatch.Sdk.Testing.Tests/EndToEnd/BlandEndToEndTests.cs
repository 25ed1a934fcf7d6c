using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>The SDK's Bland provider against the Bland simulator: create, the lifecycle read from the logs, calls, paging,
/// pause/resume/stop, and faults — on fake time.</summary>
public sealed class BlandEndToEndTests : SimulatorTest
{
    private static readonly ProviderId Bland = ProviderId.Bland;

    [Test]
    public async Task A_batch_is_validated_dispatched_run_and_completed_with_counters_from_its_log()
    {
        var created = await Client.CreateBatchAsync(Bland, Request(Contacts(6)));

        var readings = await Step(Bland, created.Id, TimeSpan.FromSeconds(1), maxSteps: 1000);
        var batch = Sim.Batches.Single();

        Assert.Multiple(() =>
        {
            Assert.That((created.Status, created.RawStatus, created.Name), Is.EqualTo((BatchStatus.Queued, (string?)null, "Spring follow-up")));
            Assert.That(readings.Select(b => b.RawStatus).Distinct(), Is.EqualTo(new[] { "validating", "dispatching", "in_progress", "complete" }));
            Assert.That(readings.Select(b => b.Status).Distinct(), Is.EqualTo(new[] { BatchStatus.Queued, BatchStatus.Running, BatchStatus.Completed }));
            Assert.That(readings[^1].Progress.Total, Is.EqualTo(6));
            Assert.That(readings[^1].Progress.Finished, Is.EqualTo(6));
            Assert.That(readings[^1].Progress.Fraction, Is.EqualTo(1d));
            Assert.That((readings[^1].Name, readings[^1].AgentId), Is.EqualTo(("Spring follow-up", "agent_sim_1")), "read back from base_prompt");
            Assert.That(batch.Fields["global.pathway_id"], Is.EqualTo("agent_sim_1"));
            Assert.That(batch.Contacts[0].Variables["customer_name"], Is.EqualTo("Customer 1"));
            Assert.That(batch.Status, Is.AnyOf("completed", "completed_partial"));
        });
    }

    [Test]
    public async Task Calls_carry_every_outcome_with_durations_in_minutes_read_as_time()
    {
        var created = await Client.CreateBatchAsync(Bland, Request(Contacts(10)));

        var statuses = await CallStatusesSeen(Bland, created.Id, TimeSpan.FromSeconds(1), maxSteps: 1000);
        var calls = await Client.GetAllCallsAsync(Bland, created.Id, new CallQuery { PageSize = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(statuses, Is.SupersetOf(new[] { CallStatus.Pending, CallStatus.Queued, CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed }));
            Assert.That(calls, Has.Count.EqualTo(10), "four pages of three, read in creation order");
            Assert.That(calls.Select(c => c.PhoneNumber), Is.EqualTo(Enumerable.Range(101, 10).Select(n => $"+1415555{n:0000}")));
            Assert.That(calls.Where(c => c.Status == CallStatus.Completed).Select(c => c.Duration), Has.All.GreaterThan(TimeSpan.FromSeconds(10)));
            Assert.That(calls.Where(c => c.Status == CallStatus.Completed).Select(c => c.RecordingUrl), Has.All.Not.Null);
            Assert.That(calls[0].Variables, Does.ContainKey("customer_name"));
            Assert.That(calls.Select(c => c.Status), Has.None.EqualTo(CallStatus.Unknown));
        });
    }

    [Test]
    public async Task A_scheduled_batch_waits_for_its_calls_start_time()
    {
        var at = TestTime.Start.AddHours(1);
        var created = await Client.CreateBatchAsync(Bland, Request(Contacts(2), at: at));

        var validating = await Client.GetBatchAsync(Bland, created.Id);
        Advance(TimeSpan.FromSeconds(1));
        var waiting = await Client.GetBatchAsync(Bland, created.Id);
        Advance(TimeSpan.FromHours(1).Add(TimeSpan.FromSeconds(2)));
        var running = await Client.GetBatchAsync(Bland, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That((created.Status, created.ScheduledAt), Is.EqualTo((BatchStatus.Scheduled, (DateTimeOffset?)at)));
            Assert.That((validating.Status, validating.RawStatus), Is.EqualTo((BatchStatus.Queued, "validating")), "accepted, not yet validated");
            Assert.That((waiting.Status, waiting.RawStatus), Is.EqualTo((BatchStatus.Scheduled, "waiting_for_scheduled_calls")));
            Assert.That(waiting.ScheduledAt, Is.EqualTo(at), "read back from the call objects' start_time");
            Assert.That(Sim.Batches.Single().ScheduledAt, Is.EqualTo(at));
            Assert.That((running.Status, running.RawStatus), Is.EqualTo((BatchStatus.Running, "in_progress")));
        });
    }

    [Test]
    public async Task Pause_resume_and_stop_move_the_batch_and_a_stopped_batch_stays_cancelled()
    {
        var created = await Client.CreateBatchAsync(Bland, Request(Contacts(12)));
        Advance(TimeSpan.FromSeconds(3));

        var paused = await Client.PauseBatchAsync(Bland, created.Id);
        Advance(TimeSpan.FromMinutes(5));
        var stillPaused = await Client.GetBatchAsync(Bland, created.Id);
        var dialledWhilePaused = (await Client.GetAllCallsAsync(Bland, created.Id)).Count(c => c.Status != CallStatus.Pending && c.Status != CallStatus.Queued);
        var resumed = await Client.ResumeBatchAsync(Bland, created.Id);
        Advance(TimeSpan.FromSeconds(1));
        var stopped = await Client.CancelBatchAsync(Bland, created.Id);
        var again = await Client.CancelBatchAsync(Bland, created.Id);
        Advance(TimeSpan.FromMinutes(10));
        var final = await Client.GetBatchAsync(Bland, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That((paused.Status, paused.RawStatus), Is.EqualTo((BatchStatus.Paused, "paused")));
            Assert.That(stillPaused.Status, Is.EqualTo(BatchStatus.Paused));
            Assert.That(dialledWhilePaused, Is.EqualTo(5), "only the first five (the default concurrency) were dialled before the pause");
            Assert.That((resumed.Status, resumed.RawStatus), Is.EqualTo((BatchStatus.Running, "in_progress")));
            Assert.That((stopped.Status, stopped.RawStatus), Is.EqualTo((BatchStatus.Cancelled, "stopped")));
            Assert.That(again.Status, Is.EqualTo(BatchStatus.Cancelled), "a second stop is refused by Bland, and the batch already is stopped: not a failure");
            Assert.That((final.Status, final.RawStatus, final.IsTerminal), Is.EqualTo((BatchStatus.Cancelled, "stopped", true)), "the complete event after a stop keeps it cancelled");
            Assert.That(final.Progress.Cancelled, Is.GreaterThan(0));
            Assert.That(final.Progress.Total, Is.EqualTo(12));
            Assert.That(Sim.Requests.Where(r => r.Route == "/v2/batches/{batch_id}/pause").Select(r => r.Operation), Is.EqualTo(new BatchOperation?[] { BatchOperation.Pause, BatchOperation.Resume }));
        });
    }

    [Test]
    public async Task Pausing_a_finished_batch_is_an_invalid_state()
    {
        var created = await Client.CreateBatchAsync(Bland, Request(Contacts(1)));
        Advance(TimeSpan.FromMinutes(10));

        var ex = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => Client.PauseBatchAsync(Bland, created.Id));

        Assert.That(ex!.Message, Does.Contain("can be paused"));
        Assert.That((await Client.GetBatchAsync(Bland, created.Id)).Status, Is.EqualTo(BatchStatus.Completed));
    }

    [Test]
    public async Task Listing_pages_every_batch_with_its_status_and_filters_by_agent()
    {
        for (var i = 0; i < 3; i++) await Client.CreateBatchAsync(Bland, Request(Contacts(1, 100 + i), name: $"Batch {i}"));
        await Client.CreateBatchAsync(Bland, new CreateBatchRequest { AgentId = "agent_other", Contacts = Contacts(1, 500) });
        Advance(TimeSpan.FromMinutes(10));

        var all = new List<BatchCall>();
        await foreach (var batch in Client.ListBatchesAsync(Bland, new BatchQuery { PageSize = 2 })) all.Add(batch);
        var listPages = Sim.Requests.Count(r => r.Route == "/v2/batches/list");
        var ours = new List<BatchCall>();
        await foreach (var batch in Client.ListBatchesAsync(Bland, new BatchQuery { AgentId = "agent_sim_1", Status = BatchStatus.Completed })) ours.Add(batch);

        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(4));
            Assert.That(all, Has.All.Matches<BatchCall>(b => b.Status == BatchStatus.Completed));
            Assert.That(ours.Select(b => b.Name), Is.EquivalentTo(new[] { "Batch 0", "Batch 1", "Batch 2" }));
            Assert.That(listPages, Is.EqualTo(3), "pages of two: 2, 2, then an empty page");
        });
    }

    [Test]
    public async Task A_prompt_as_the_agent_goes_as_global_task()
    {
        await using var client = Sim.CreateClient(o =>
        {
            Fast(o);
            if (o is BlandOptions bland) bland.AgentIdKind = BlandAgentKind.Task;
        });

        var created = await client.CreateBatchAsync(Bland, new CreateBatchRequest { AgentId = "You are calling {{customer_name}} about the {{plan}} plan.", Contacts = Contacts(2) });
        Advance(TimeSpan.FromMinutes(10));
        var done = await client.GetBatchAsync(Bland, created.Id);

        var fields = Sim.Batches.Single().Fields;
        Assert.Multiple(() =>
        {
            Assert.That(fields["global.task"], Is.EqualTo("You are calling {{customer_name}} about the {{plan}} plan."));
            Assert.That(fields.ContainsKey("global.pathway_id"), Is.False);
            Assert.That((done.Status, done.AgentId), Is.EqualTo((BatchStatus.Completed, (string?)null)));
        });
    }

    [Test]
    public async Task A_dashboard_batch_can_be_followed_to_the_end()
    {
        var id = Sim.AddBatch(Bland, Contacts(3), "From the dashboard");
        Advance(TimeSpan.FromMinutes(10));

        var done = await Client.WaitForCompletionAsync(Bland, id);

        Assert.That((done.Status, done.Name, done.Progress.Total), Is.EqualTo((BatchStatus.Completed, "From the dashboard", (int?)3)));
    }

    [Test]
    public async Task A_burst_of_503s_on_reads_is_retried_through()
    {
        var id = Sim.AddBatch(Bland, Contacts(2));
        Sim.Faults(Bland).FailNext(2, 503, "GET");

        var batch = await Client.GetBatchAsync(Bland, id);

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo(id));
            Assert.That(Sim.Requests.Take(3).Select(r => (r.StatusCode, r.Faulted)), Is.EqualTo(new[] { ((int?)503, true), (503, true), (200, false) }));
        });
    }

    [TestCase(503)]
    [TestCase(0)]
    public void A_create_that_fails_after_sending_is_uncertain_and_never_sent_again(int status)
    {
        if (status == 0) Sim.Faults(Bland).DropNext(1, "POST", "/v2/batches/create");
        else Sim.Faults(Bland).FailNext(1, status, "POST", "/v2/batches/create");

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(Bland, Request(Contacts(2))));

        Assert.That(ex!.BatchName, Is.EqualTo("Spring follow-up"));
        Assert.That(Sim.Requests.Count(r => r.Route == "/v2/batches/create"), Is.EqualTo(1));
        Assert.That(Sim.Batches, Is.Empty);
    }

    [Test]
    public async Task A_wrong_key_and_a_rate_limit_are_typed_errors()
    {
        var id = Sim.AddBatch(Bland, Contacts(1));
        await using var wrongKey = VoiceBatchClient.Create(b => b.AddBland(o =>
        {
            o.BaseAddress = Sim.BaseAddress(Bland);
            o.ApiKey = "not-the-key";
        }));
        await using var noRetries = Sim.CreateClient(o =>
        {
            Fast(o);
            o.MaxRetries = 0;
        });

        var denied = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => wrongKey.GetBatchAsync(Bland, id));
        Sim.Faults(Bland).RateLimitNext(1, TimeSpan.FromSeconds(7), "GET");
        var limited = Assert.ThrowsAsync<VoiceBatchRateLimitException>(() => noRetries.GetBatchAsync(Bland, id));

        Assert.That(denied!.ToString(), Does.Not.Contain("not-the-key"));
        Assert.That(limited!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public void An_unknown_batch_is_not_found()
    {
        Assert.ThrowsAsync<BatchNotFoundException>(() => Client.GetBatchAsync(Bland, "00000000-0000-4000-a000-000000000000"));
    }
}
