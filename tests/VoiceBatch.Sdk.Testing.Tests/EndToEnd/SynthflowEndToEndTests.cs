using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>The SDK's Synthflow provider against the Synthflow simulator, on fake time.</summary>
public sealed class SynthflowEndToEndTests : SimulatorTest
{
    private static readonly ProviderId Synthflow = ProviderId.Synthflow;

    private async Task<List<CallRecord>> CallsAsync(string batchId, CallQuery? query = null)
    {
        var calls = new List<CallRecord>();
        await foreach (var call in Client.GetCallsAsync(Synthflow, batchId, query)) calls.Add(call);
        return calls;
    }

    [Test]
    public async Task A_batch_reads_queued_then_running_then_completed_with_every_recipient_status()
    {
        var created = await Client.CreateBatchAsync(Synthflow, Request(Contacts(12)));

        var readings = await Step(Synthflow, created.Id, TimeSpan.FromSeconds(1));
        Assert.That(readings[^1].IsTerminal, Is.True);
        var statuses = new HashSet<CallStatus>();
        var created2 = await Client.CreateBatchAsync(Synthflow, Request(Contacts(12, 500), name: "Second"));
        statuses.UnionWith(await CallStatusesSeen(Synthflow, created2.Id, TimeSpan.FromSeconds(1)));
        var done = await Client.GetBatchAsync(Synthflow, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That((created.Status, created.RawStatus), Is.EqualTo((BatchStatus.Queued, "scheduled")));
            Assert.That(readings.Select(b => b.Status).Distinct(), Is.EqualTo(new[] { BatchStatus.Queued, BatchStatus.Running, BatchStatus.Completed }));
            Assert.That(readings.Select(b => b.RawStatus).Distinct(), Is.EqualTo(new[] { "scheduled", "in_progress", "completed" }));
            Assert.That((done.Status, done.RawStatus), Is.EqualTo((BatchStatus.Completed, "completed")));
            Assert.That(done.Progress.Total, Is.EqualTo(12));
            Assert.That(done.Progress.Finished, Is.EqualTo(12));
            Assert.That(done.Progress.Completed + done.Progress.Failed, Is.EqualTo(12), "placed calls and calls that could not be placed");
            Assert.That(statuses, Is.SupersetOf(new[] { CallStatus.Pending, CallStatus.Queued, CallStatus.Completed, CallStatus.Failed }));
        });
    }

    [Test]
    public async Task Progress_moves_while_the_batch_dials()
    {
        var created = await Client.CreateBatchAsync(Synthflow, Request(Contacts(20)));

        var readings = await Step(Synthflow, created.Id, TimeSpan.FromSeconds(2));

        var finished = readings.Select(r => r.Progress.Finished).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(finished, Is.Ordered, "finished never goes back");
            Assert.That(finished.Distinct().Count(), Is.GreaterThan(3), "calls are counted as they are placed, not only at the end");
            Assert.That(readings.Where(r => r.Status == BatchStatus.Running).Select(r => r.Progress.Pending), Has.Some.GreaterThan(0));
        });
    }

    [Test]
    public async Task The_simulator_receives_the_recipients_as_the_sdk_built_them()
    {
        var contacts = Contacts(3);

        var created = await Client.CreateBatchAsync(Synthflow, Request(contacts, name: "Spring follow-up"));

        var received = Sim.Batches.Single();
        var calls = await CallsAsync(created.Id);
        Assert.Multiple(() =>
        {
            Assert.That(received.Provider, Is.EqualTo(Synthflow));
            Assert.That(received.Name, Is.EqualTo("Spring follow-up"));
            Assert.That(received.AgentId, Is.EqualTo("agent_sim_1"));
            Assert.That(received.Fields["from_phone_number"], Is.EqualTo("+16286666348"), "the simulated workspace's caller ID, set on registration");
            Assert.That(received.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(contacts.Contacts.Select(c => c.PhoneNumber)));
            Assert.That(received.Contacts[1].Variables, Is.EqualTo(contacts.Contacts[1].Variables));
            Assert.That(calls.Select(c => c.Id), Is.EqualTo(new[] { "row-2", "row-3", "row-4" }), "task ids are the sheet rows");
            Assert.That(calls.Select(c => c.Name), Is.EqualTo(new[] { "Customer 1", "Customer 2", "Customer 3" }), "lead_name from the customer_name column");
            Assert.That(calls[0].Variables["plan"], Is.EqualTo("gold"));
            Assert.That(created.FromPhoneNumber, Is.EqualTo("+16286666348"));
        });
    }

    [Test]
    public async Task Placed_recipients_carry_the_id_of_their_call_and_failed_ones_the_reason()
    {
        var created = await Client.CreateBatchAsync(Synthflow, Request(Contacts(20)));
        await Step(Synthflow, created.Id, TimeSpan.FromSeconds(5));

        var calls = await CallsAsync(created.Id);

        Assert.Multiple(() =>
        {
            Assert.That(calls.Where(c => c.Status == CallStatus.Completed).Select(c => c.ConversationId), Is.All.Not.Null);
            Assert.That(calls.Where(c => c.Status == CallStatus.Failed), Is.Not.Empty, "the default mix fails one call in ten");
            Assert.That(calls.Where(c => c.Status == CallStatus.Failed).Select(c => c.Raw!.Value.GetProperty("error_message").GetString()), Is.All.Not.Empty);
        });
    }

    [Test]
    public async Task Recipients_page_by_limit_and_offset_and_filter_by_status()
    {
        var created = await Client.CreateBatchAsync(Synthflow, Request(Contacts(12)));
        await Step(Synthflow, created.Id, TimeSpan.FromSeconds(5));

        var all = await CallsAsync(created.Id, new CallQuery { PageSize = 5 });
        var offsets = Sim.Requests.Where(r => r.Operation == BatchOperation.GetCalls).Select(r => r.Query).ToList();
        var placed = await CallsAsync(created.Id, new CallQuery { Status = CallStatus.Completed });

        Assert.Multiple(() =>
        {
            Assert.That(all, Has.Count.EqualTo(12));
            Assert.That(all.Select(c => c.Id).Distinct().Count(), Is.EqualTo(12));
            Assert.That(offsets, Is.EqualTo(new[] { "?limit=5&offset=0", "?limit=5&offset=5", "?limit=5&offset=10" }));
            Assert.That(placed.Select(c => c.Id), Is.EqualTo(all.Where(c => c.Status == CallStatus.Completed).Select(c => c.Id)));
            Assert.That(Sim.Requests.Last(r => r.Operation == BatchOperation.GetCalls).Query, Does.Contain("status=dispatched"));
        });
    }

    [Test]
    public async Task Listing_pages_newest_first_by_offset()
    {
        for (var i = 0; i < 5; i++) await Client.CreateBatchAsync(Synthflow, Request(Contacts(1, 300 + i), name: $"Batch {i}"));

        var listed = new List<BatchCall>();
        await foreach (var batch in Client.ListBatchesAsync(Synthflow, new BatchQuery { PageSize = 2 })) listed.Add(batch);
        var byAgent = new List<BatchCall>();
        await foreach (var batch in Client.ListBatchesAsync(Synthflow, new BatchQuery { AgentId = "someone_else" })) byAgent.Add(batch);

        var queries = Sim.Requests.Where(r => r.Operation == BatchOperation.List).Select(r => r.Query).Take(3).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(listed.Select(b => b.Name), Is.EqualTo(new[] { "Batch 4", "Batch 3", "Batch 2", "Batch 1", "Batch 0" }));
            Assert.That(queries, Is.EqualTo(new[] { "?limit=2&offset=0", "?limit=2&offset=2", "?limit=2&offset=4" }));
            Assert.That(listed.Select(b => b.AgentId), Is.All.EqualTo("agent_sim_1"));
            Assert.That(byAgent, Is.Empty, "the agent is filtered locally by model_id");
        });
    }

    [Test]
    public async Task Pause_holds_the_undialled_recipients_and_resume_finishes_the_batch()
    {
        var created = await Client.CreateBatchAsync(Synthflow, Request(Contacts(15)));
        Advance(TimeSpan.FromSeconds(3));

        var paused = await Client.PauseBatchAsync(Synthflow, created.Id);
        Advance(TimeSpan.FromMinutes(5));
        var held = await Client.GetBatchAsync(Synthflow, created.Id);
        var again = await Client.PauseBatchAsync(Synthflow, created.Id);
        var resumed = await Client.ResumeBatchAsync(Synthflow, created.Id);
        var readings = await Step(Synthflow, created.Id, TimeSpan.FromSeconds(5));

        Assert.Multiple(() =>
        {
            Assert.That((paused.Status, paused.RawStatus), Is.EqualTo((BatchStatus.Paused, "paused")));
            Assert.That(held.Status, Is.EqualTo(BatchStatus.Paused));
            Assert.That(held.Progress.Pending, Is.GreaterThan(0), "recipients not yet dialled stay queued");
            Assert.That(again.Status, Is.EqualTo(BatchStatus.Paused), "pausing a paused batch changes nothing");
            Assert.That(resumed.Status, Is.EqualTo(BatchStatus.Running));
            Assert.That(readings[^1].Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(readings[^1].Progress.Finished, Is.EqualTo(15));
        });
    }

    [Test]
    public async Task Only_a_batch_still_dialling_can_be_paused()
    {
        var created = await Client.CreateBatchAsync(Synthflow, Request(Contacts(2)));
        Advance(TimeSpan.FromSeconds(4)); // both dialled: in_progress
        var inProgress = await Client.GetBatchAsync(Synthflow, created.Id);

        var ex = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(() => Client.PauseBatchAsync(Synthflow, created.Id));
        var resume = Assert.ThrowsAsync<VoiceBatchInvalidStateException>(async () =>
        {
            await Step(Synthflow, created.Id, TimeSpan.FromSeconds(5));
            await Client.ResumeBatchAsync(Synthflow, created.Id);
        });

        Assert.Multiple(() =>
        {
            Assert.That((inProgress.Status, inProgress.RawStatus), Is.EqualTo((BatchStatus.Running, "in_progress")));
            Assert.That(ex!.Message, Does.Contain("Only scheduled batches can be paused"));
            Assert.That(resume!.StatusCode, Is.EqualTo(400));
        });
    }

    [Test]
    public async Task Cancel_marks_the_undialled_recipients_cancelled_and_a_second_cancel_changes_nothing()
    {
        var created = await Client.CreateBatchAsync(Synthflow, Request(Contacts(10)));
        Advance(TimeSpan.FromSeconds(3));

        var cancelled = await Client.CancelBatchAsync(Synthflow, created.Id);
        Advance(TimeSpan.FromMinutes(10));
        var later = await Client.GetBatchAsync(Synthflow, created.Id);
        var calls = await CallsAsync(created.Id);
        var again = await Client.CancelBatchAsync(Synthflow, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That((cancelled.Status, cancelled.RawStatus), Is.EqualTo((BatchStatus.Cancelled, "canceled")));
            Assert.That(later.Progress.Cancelled, Is.EqualTo(calls.Count(c => c.Status == CallStatus.Cancelled)).And.GreaterThan(0));
            Assert.That(later.Progress.Finished, Is.EqualTo(10));
            Assert.That(calls.Select(c => c.Status), Has.None.AnyOf(CallStatus.Pending, CallStatus.Queued), "nothing is dialled after a cancel");
            Assert.That(again.Status, Is.EqualTo(BatchStatus.Cancelled));
            Assert.That(Sim.Requests.Count(r => r.Operation == BatchOperation.Cancel), Is.EqualTo(2), "the refused second cancel was not retried");
        });
    }

    [Test]
    public async Task WaitForCompletion_follows_the_batch_to_the_end()
    {
        var created = await Client.CreateBatchAsync(Synthflow, Request(Contacts(4)));
        var seen = new List<BatchCall>();

        var wait = Client.WaitForCompletionAsync(Synthflow, created.Id, new Progress<BatchCall>(seen.Add), TimeSpan.FromSeconds(5));
        for (var i = 0; i < 200 && !wait.IsCompleted; i++)
        {
            Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(5);
        }

        var done = await wait;
        Assert.That(done.Status, Is.EqualTo(BatchStatus.Completed));
    }

    [Test]
    public void A_start_time_is_refused_before_anything_reaches_synthflow()
    {
        Assert.ThrowsAsync<ArgumentException>(() => Client.CreateBatchAsync(Synthflow, Request(Contacts(2), at: TestTime.Start.AddHours(1))));

        Assert.That(Sim.Requests, Is.Empty);
    }

    [Test]
    public void A_create_answered_503_is_uncertain_and_sent_once()
    {
        Sim.Faults(Synthflow).FailNext(3, 503, "POST", "/v2/calls/batch");

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(Synthflow, Request(Contacts(2))));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.BatchName, Is.EqualTo("Spring follow-up"));
            Assert.That(Sim.Requests.Count(r => r.Operation == BatchOperation.Create), Is.EqualTo(1), "a create is never re-sent");
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [Test]
    public void A_create_whose_connection_drops_is_uncertain_and_sent_once()
    {
        Sim.Faults(Synthflow).DropNext(1, "POST", "/v2/calls/batch");

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(Synthflow, Request(Contacts(2))));

        Assert.That(Sim.Requests.Where(r => r.Operation == BatchOperation.Create).Select(r => r.StatusCode), Is.EqualTo(new int?[] { null }));
    }

    [Test]
    public async Task Reads_are_retried_through_a_burst_of_503s_and_a_wrong_key_is_an_authentication_error()
    {
        var id = Sim.AddBatch(Synthflow, Contacts(2));
        Sim.Faults(Synthflow).FailNext(2, 503, "GET");

        var batch = await Client.GetBatchAsync(Synthflow, id);
        await using var wrong = Sim.CreateClient(o =>
        {
            Fast(o);
            o.ApiKey = "sk_wrong_key";
        });
        var ex = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => wrong.GetBatchAsync(Synthflow, id));

        Assert.Multiple(() =>
        {
            Assert.That((batch.Id, batch.Status), Is.EqualTo((id, BatchStatus.Queued)));
            Assert.That(Sim.Requests.Take(3).Select(r => r.StatusCode), Is.EqualTo(new int?[] { 503, 503, 200 }));
            Assert.That(ex!.ToString(), Does.Not.Contain("sk_wrong_key"));
        });
    }

    [Test]
    public void A_missing_batch_is_not_found()
    {
        Assert.ThrowsAsync<BatchNotFoundException>(() => Client.GetBatchAsync(Synthflow, "00000000-0000-4000-9000-000000000000"));
    }
}
