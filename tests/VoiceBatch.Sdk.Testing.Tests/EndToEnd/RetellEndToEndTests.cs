using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>
/// The SDK's Retell provider against the Retell simulator: create (once, start in milliseconds), then the batch's calls from
/// list-calls by cursor as they are dialled. Retell cannot read a batch, so progress is counted from the calls and the create
/// answer's total — the way an application has to.
/// </summary>
public sealed class RetellEndToEndTests : SimulatorTest
{
    private static readonly ProviderId Retell = ProviderId.Retell;

    /// <summary>Steps the clock until every task of <paramref name="created"/> has a finished call; returns every status seen.</summary>
    private async Task<(HashSet<CallStatus> Seen, IReadOnlyList<CallRecord> Final, List<BatchProgress> Readings)> FollowAsync(BatchCall created, TimeSpan step, int maxSteps = 600)
    {
        var seen = new HashSet<CallStatus>();
        var readings = new List<BatchProgress>();
        for (var i = 0; i < maxSteps; i++)
        {
            var calls = await Client.GetAllCallsAsync(Retell, created.Id);
            foreach (var call in calls) seen.Add(call.Status);
            var progress = BatchProgress.FromCallStatuses(calls.Select(c => c.Status), created.Progress.Total);
            if (readings.Count == 0 || readings[^1] != progress) readings.Add(progress);
            if (progress.Finished == created.Progress.Total) return (seen, calls, readings);
            Advance(step);
        }

        Assert.Fail($"Retell batch {created.Id} did not finish in {maxSteps} steps of {step}");
        return default;
    }

    [Test]
    public async Task A_batch_is_created_once_and_its_calls_progress_to_their_outcomes()
    {
        var created = await Client.CreateBatchAsync(Retell, Request(Contacts(10)));

        var (seen, calls, readings) = await FollowAsync(created, TimeSpan.FromSeconds(1));
        var batch = Sim.Batches.Single();

        Assert.Multiple(() =>
        {
            Assert.That((created.Status, created.RawStatus, created.Progress.Total, created.Progress.Pending), Is.EqualTo((BatchStatus.Queued, (string?)null, (int?)10, 10)));
            Assert.That(created.Id, Does.StartWith("batch_call_"));
            Assert.That(created.FromPhoneNumber, Is.EqualTo("+14157774444"), "the simulated account's number, set as DefaultFromNumber");
            Assert.That(batch.Fields["from_number"], Is.EqualTo("+14157774444"));
            Assert.That(batch.Fields.ContainsKey("trigger_timestamp"), Is.False, "no start asked for: sent at once");
            Assert.That(batch.AgentId, Is.EqualTo("agent_sim_1"), "AgentId went out as each task's override_agent_id");
            Assert.That(batch.Contacts.Select(c => c.Variables["customer_name"]), Is.EqualTo(Enumerable.Range(1, 10).Select(i => $"Customer {i}")));
            Assert.That(Sim.Requests.Count(r => r.Operation == BatchOperation.Create), Is.EqualTo(1));

            Assert.That(seen, Is.SupersetOf(new[] { CallStatus.Ringing, CallStatus.InProgress, CallStatus.Completed }));
            Assert.That(readings[0].Pending, Is.EqualTo(10), "before any dial, no call is listed: all ten are pending");
            Assert.That(calls, Has.Count.EqualTo(10));
            Assert.That(calls.Select(c => c.Id).Distinct().Count(), Is.EqualTo(10));
            Assert.That(calls.Select(c => c.PhoneNumber), Has.All.StartWith("+1415555"));
            Assert.That(calls.Select(c => c.RawStatus), Has.All.AnyOf("ended", "not_connected", "error"));
            Assert.That(calls.Where(c => c.Status == CallStatus.Completed).Select(c => c.RecordingUrl), Has.All.Not.Null);
            Assert.That(calls.Select(c => c.Duration), Has.All.Not.Null);
            Assert.That(calls.Select(c => c.Transcript), Has.All.Null, "list-calls carries no transcript");
            Assert.That(calls[0].Variables["plan"], Is.EqualTo("gold"));
            Assert.That(calls.Select(c => c.CreatedAt), Is.Ordered, "oldest first");
        });
    }

    [Test]
    public async Task A_scheduled_batch_lists_no_calls_until_its_trigger_time()
    {
        var at = TestTime.Start.AddHours(1);

        var created = await Client.CreateBatchAsync(Retell, Request(Contacts(3), at: at));
        var before = await Client.GetAllCallsAsync(Retell, created.Id);
        Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(3));
        var after = await Client.GetAllCallsAsync(Retell, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That((created.Status, created.ScheduledAt), Is.EqualTo((BatchStatus.Scheduled, (DateTimeOffset?)at)), "the answer's seconds read back as the start");
            Assert.That(Sim.Batches.Single().Fields["trigger_timestamp"], Is.EqualTo(at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)), "milliseconds on the wire");
            Assert.That(Sim.Batches.Single().ScheduledAt, Is.EqualTo(at));
            Assert.That(before, Is.Empty);
            Assert.That(after.Select(c => c.Status), Has.All.EqualTo(CallStatus.Ringing), "dialled at the start, registered");
        });
    }

    [Test]
    public async Task Calls_page_by_cursor_and_never_mix_batches()
    {
        var first = await Client.CreateBatchAsync(Retell, Request(Contacts(7)));
        var other = await Client.CreateBatchAsync(Retell, Request(Contacts(4, 500), name: "Another one"));
        Advance(TimeSpan.FromMinutes(10));

        var calls = await Client.GetAllCallsAsync(Retell, first.Id, new CallQuery { PageSize = 2 });
        var others = await Client.GetAllCallsAsync(Retell, other.Id);

        Assert.Multiple(() =>
        {
            Assert.That(calls, Has.Count.EqualTo(7));
            Assert.That(calls.Select(c => c.PhoneNumber), Is.EquivalentTo(Enumerable.Range(101, 7).Select(n => $"+1415555{n:0000}")));
            Assert.That(others.Select(c => c.PhoneNumber), Has.All.StartWith("+141555505"));
            Assert.That(Sim.Requests.Count(r => r.Operation == BatchOperation.GetCalls), Is.EqualTo(4 + 1), "7 calls, 2 a page: 4 pages; then the other batch");
        });
    }

    [Test]
    public async Task A_status_filter_keeps_only_those_calls()
    {
        var created = await Client.CreateBatchAsync(Retell, Request(Contacts(10)));
        Advance(TimeSpan.FromMinutes(10));

        var all = await Client.GetAllCallsAsync(Retell, created.Id);
        var completed = await Client.GetAllCallsAsync(Retell, created.Id, new CallQuery { Status = CallStatus.Completed });

        Assert.That(completed.Select(c => c.Id), Is.EqualTo(all.Where(c => c.Status == CallStatus.Completed).Select(c => c.Id)));
    }

    [Test]
    public async Task Nothing_but_create_and_calls_reaches_the_simulator()
    {
        var created = await Client.CreateBatchAsync(Retell, Request(Contacts(1)));
        var before = Sim.Requests.Count;

        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => Client.GetBatchAsync(Retell, created.Id));
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => Client.WaitForCompletionAsync(Retell, created.Id));
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => Client.CancelBatchAsync(Retell, created.Id));
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => Client.RetryBatchAsync(Retell, created.Id));
            Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => Client.ScheduleBatchAsync(Retell, created.Id, TestTime.Start.AddDays(1)));
            Assert.That(Sim.Requests, Has.Count.EqualTo(before));
        });
    }

    [Test]
    public async Task A_from_number_the_account_does_not_own_is_refused_and_nothing_is_created()
    {
        var request = new CreateBatchRequest { AgentId = "agent_sim_1", Contacts = Contacts(2), FromPhoneNumber = "+14155550199" };

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => Client.CreateBatchAsync(Retell, request));

        Assert.Multiple(() =>
        {
            Assert.That(ex, Is.Not.InstanceOf<BatchNotFoundException>().And.Not.InstanceOf<BatchCreationUncertainException>());
            Assert.That(ex!.Message, Does.Contain("not a phone number of this account").And.Not.Contain("+14155550199"));
            Assert.That(Sim.Batches, Is.Empty);
        });
        await Task.CompletedTask;
    }

    [Test]
    public void A_create_answered_503_is_uncertain_and_sent_once()
    {
        Sim.Faults(Retell).FailNext(3, 503, "POST", "/create-batch-call");

        var ex = Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(Retell, Request(Contacts(2))));

        Assert.Multiple(() =>
        {
            Assert.That((ex!.StatusCode, ex.BatchName), Is.EqualTo(((int?)503, "Spring follow-up")));
            Assert.That(Sim.Requests.Count(r => r.Operation == BatchOperation.Create), Is.EqualTo(1), "Retell's own SDKs would have sent it three times");
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [Test]
    public void A_create_whose_connection_drops_is_uncertain_and_sent_once()
    {
        Sim.Faults(Retell).DropNext(1, "POST", "/create-batch-call");

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(Retell, Request(Contacts(2))));

        Assert.That(Sim.Requests.Where(r => r.Operation == BatchOperation.Create).Select(r => r.StatusCode), Is.EqualTo(new int?[] { null }));
    }

    [Test]
    public async Task A_burst_of_503s_on_list_calls_is_retried_through()
    {
        var created = await Client.CreateBatchAsync(Retell, Request(Contacts(2)));
        Advance(TimeSpan.FromMinutes(5));
        Sim.Faults(Retell).FailNext(2, 503, "POST", "/v3/list-calls");

        var calls = await Client.GetAllCallsAsync(Retell, created.Id);

        Assert.Multiple(() =>
        {
            Assert.That(calls, Has.Count.EqualTo(2));
            Assert.That(Sim.Requests.Where(r => r.Operation == BatchOperation.GetCalls).Select(r => r.StatusCode), Is.EqualTo(new int?[] { 503, 503, 200 }));
        });
    }

    [Test]
    public async Task A_429_on_list_calls_becomes_a_rate_limit_error_with_Retry_After()
    {
        await using var client = Sim.CreateClient(o =>
        {
            Fast(o);
            o.MaxRetries = 0;
        });
        Sim.Faults(Retell).RateLimitNext(1, TimeSpan.FromSeconds(7));

        var ex = Assert.ThrowsAsync<VoiceBatchRateLimitException>(() => client.GetAllCallsAsync(Retell, "batch_call_x"));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task A_wrong_key_is_an_authentication_error_answered_with_retells_401()
    {
        await using var client = Sim.CreateClient(o =>
        {
            Fast(o);
            o.ApiKey = "sk_wrong_key";
        });

        var ex = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => client.CreateBatchAsync(Retell, Request(Contacts(1))));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(401));
            Assert.That(ex.Message, Does.Contain("Invalid API key"));
            Assert.That(ex.ToString(), Does.Not.Contain("sk_wrong_key"));
            Assert.That(Sim.Batches, Is.Empty);
        });
    }
}
