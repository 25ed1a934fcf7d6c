using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>Faults switched on per vendor at run time end in the SDK's typed errors; creates are never re-sent.</summary>
public sealed class FaultTests : SimulatorTest
{
    private static readonly ProviderId[] Registered = [ProviderId.DialNexa, ProviderId.VoiceAI, ProviderId.BatchDetails, ProviderId.Bolna];

    private static readonly object[] Creating =
    [
        new object[] { ProviderId.DialNexa, "/v1/batch-calls" },
        new object[] { ProviderId.VoiceAI, "/v1/voiceai/batch-calling/submit" },
        new object[] { ProviderId.Bolna, "/batches" },
    ];

    private VoiceBatchClient NoRetries(Action<VoiceBatchProviderOptions>? more = null) => Sim.CreateClient(o =>
    {
        Fast(o);
        o.MaxRetries = 0;
        more?.Invoke(o);
    });

    [TestCaseSource(nameof(Registered))]
    public async Task A_burst_of_503s_on_reads_is_retried_through(ProviderId provider)
    {
        var id = Sim.AddBatch(provider, Contacts(2));
        Sim.Faults(provider).FailNext(2, 503, "GET");

        var batch = await Client.GetBatchAsync(provider, id);

        var reads = Sim.Requests.Where(r => r.Provider == provider).Take(3).ToList(); // batch-details reads more pages for its counters
        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo(id));
            Assert.That(reads.Select(r => (r.StatusCode, r.Faulted)), Is.EqualTo(new[] { ((int?)503, true), (503, true), (200, false) }));
        });
    }

    [TestCaseSource(nameof(Registered))]
    public async Task With_retries_off_a_5xx_is_a_VoiceBatchException_carrying_the_status(ProviderId provider)
    {
        var id = Sim.AddBatch(provider, Contacts(1));
        await using var client = NoRetries();
        Sim.Faults(provider).FailNext(1, 502);

        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => client.GetBatchAsync(provider, id));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(502));
            Assert.That(ex.Provider, Is.EqualTo(provider));
        });
    }

    [TestCaseSource(nameof(Registered))]
    public async Task A_429_becomes_a_rate_limit_error_with_Retry_After(ProviderId provider)
    {
        var id = Sim.AddBatch(provider, Contacts(1));
        await using var client = NoRetries();
        Sim.Faults(provider).RateLimitNext(1, TimeSpan.FromSeconds(7));

        var ex = Assert.ThrowsAsync<VoiceBatchRateLimitException>(() => client.GetBatchAsync(provider, id));

        Assert.That(ex!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [TestCaseSource(nameof(Registered))]
    public async Task A_wrong_key_is_an_authentication_error_answered_with_the_vendors_401(ProviderId provider)
    {
        var id = Sim.AddBatch(provider, Contacts(1));
        await using var client = Sim.CreateClient(o =>
        {
            Fast(o);
            o.ApiKey = "sk_wrong_key";
        });

        var ex = Assert.ThrowsAsync<VoiceBatchAuthenticationException>(() => client.GetBatchAsync(provider, id));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.StatusCode, Is.EqualTo(401));
            Assert.That(ex.ToString(), Does.Not.Contain("sk_wrong_key"));
            Assert.That(Sim.Requests.Single(r => r.Provider == provider).StatusCode, Is.EqualTo(401));
        });
    }

    [TestCaseSource(nameof(Creating))]
    public void A_create_answered_503_is_uncertain_and_sent_once(ProviderId provider, string route)
    {
        Sim.Faults(provider).FailNext(3, 503, "POST", route);

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(provider, Request(Contacts(2))));

        Assert.Multiple(() =>
        {
            Assert.That(Sim.Requests.Count(r => r.Operation == BatchOperation.Create), Is.EqualTo(1), "a create is never re-sent");
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [TestCaseSource(nameof(Creating))]
    public void A_create_whose_connection_drops_is_uncertain_and_sent_once(ProviderId provider, string route)
    {
        Sim.Faults(provider).DropNext(1, "POST", route);

        Assert.ThrowsAsync<BatchCreationUncertainException>(() => Client.CreateBatchAsync(provider, Request(Contacts(2))));

        Assert.Multiple(() =>
        {
            Assert.That(Sim.Requests.Where(r => r.Operation == BatchOperation.Create).Select(r => r.StatusCode), Is.EqualTo(new int?[] { null }));
            Assert.That(Sim.Batches, Is.Empty);
        });
    }

    [Test]
    public async Task A_slow_answer_runs_into_the_clients_attempt_timeout()
    {
        var id = Sim.AddBatch(ProviderId.Bolna, Contacts(1));
        await using var client = NoRetries(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        Sim.Faults(ProviderId.Bolna).DelayNext(1, TimeSpan.FromMinutes(5), "GET", "/batches/{batch_id}");

        var ex = Assert.CatchAsync<VoiceBatchException>(() => client.GetBatchAsync(ProviderId.Bolna, id));

        Assert.That(ex, Is.Not.InstanceOf<BatchNotFoundException>());
    }

    [Test]
    public async Task A_delayed_answer_arrives_once_fake_time_passes_the_delay()
    {
        var id = Sim.AddBatch(ProviderId.DialNexa, Contacts(1));
        Sim.Faults(ProviderId.DialNexa).DelayNext(1, TimeSpan.FromSeconds(30), "GET");

        var read = Client.GetBatchAsync(ProviderId.DialNexa, id);
        for (var i = 0; i < 20 && !read.IsCompleted; i++) await Task.Delay(5);
        Assert.That(read.IsCompleted, Is.False, "the answer waits for the simulator's clock");

        // The delay starts when the request reaches the simulator; step the clock until it has passed.
        for (var i = 0; i < 400 && !read.IsCompleted; i++)
        {
            Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5);
        }

        Assert.That((await read).Id, Is.EqualTo(id));
    }

    [Test]
    public async Task A_fault_scoped_to_one_route_leaves_the_others_alone()
    {
        var id = Sim.AddBatch(ProviderId.DialNexa, Contacts(2));
        Sim.Faults(ProviderId.DialNexa).FailNext(5, 500, route: "/v1/calls");
        await using var client = NoRetries();

        var batch = await client.GetBatchAsync(ProviderId.DialNexa, id);
        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => client.GetAllCallsAsync(ProviderId.DialNexa, id));

        Assert.Multiple(() =>
        {
            Assert.That(batch.Id, Is.EqualTo(id));
            Assert.That(ex!.StatusCode, Is.EqualTo(500));
        });
        Sim.Faults(ProviderId.DialNexa).Clear();
        Assert.That(await client.GetAllCallsAsync(ProviderId.DialNexa, id), Has.Count.EqualTo(2));
    }
}
