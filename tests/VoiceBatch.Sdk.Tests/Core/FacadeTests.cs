using Microsoft.Extensions.Time.Testing;
using VoiceBatch.Tests.Support;
using WireMock.Server;

namespace VoiceBatch.Tests.Core;

public sealed class FacadeTests
{
    private static readonly ProviderId Acme = new("acme");

    [Test]
    public void An_unregistered_provider_gets_a_clear_error_naming_what_is_registered()
    {
        using var sp = new ServiceCollection().AddVoiceBatch().AddProvider(Acme, s => new ScriptedProvider(Acme, TimeProvider.System)).Services.BuildServiceProvider();
        var client = sp.GetRequiredService<IBatchCallClient>();
        var ex = Assert.ThrowsAsync<VoiceBatchException>(() => client.GetBatchAsync(ProviderId.Bolna, "b1"));
        Assert.That(ex!.Message, Does.Contain("'bolna' is not registered").And.Contain("acme"));
    }

    [Test]
    public void An_unsupported_operation_throws_before_any_request_is_sent()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, server.Url!)));

        var ex = Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.PauseBatchAsync(ProbeAdapter.ProbeId, "b1"));
        Assert.Multiple(() =>
        {
            Assert.That(ex!.Operation, Is.EqualTo(BatchOperation.Pause));
            Assert.That(ex.Provider, Is.EqualTo(ProbeAdapter.ProbeId));
            Assert.That(ex.Message, Does.Contain("probe").And.Contain("Pause"));
            Assert.That(() => client.Client.ListBatchesAsync(ProbeAdapter.ProbeId), Throws.InstanceOf<VoiceBatchNotSupportedException>());
            Assert.That(server.LogEntries, Is.Empty);
        });
    }

    [Test]
    public void Operations_switched_off_in_options_are_reported_and_refused()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddBolna(o =>
        {
            TestClient.Fast(o, server.Url!);
            o.DisabledOperations = [BatchOperation.Get];
        }));

        Assert.That(client.Client.GetCapabilities(ProviderId.Bolna).CanGet, Is.False);
        Assert.ThrowsAsync<VoiceBatchNotSupportedException>(() => client.Client.GetBatchAsync(ProviderId.Bolna, "b1"));
        Assert.That(server.LogEntries, Is.Empty);
    }

    [Test]
    public async Task A_custom_provider_is_reached_through_the_same_client_beside_a_built_in_one()
    {
        using var server = WireMockServer.Start();
        var acme = new ScriptedProvider(Acme, TimeProvider.System, () => ScriptedProvider.Batch(Acme, BatchStatus.Running, 4));
        using var client = new TestClient(b => b.AddBolna(o => TestClient.Fast(o, server.Url!)).AddProvider(Acme, _ => acme));

        var batch = await client.Client.GetBatchAsync(new ProviderId("ACME"), "b1");

        Assert.That(batch.Provider, Is.EqualTo(Acme));
        Assert.That(batch.Progress.Completed, Is.EqualTo(4));
        Assert.That(client.Client.GetCapabilities(ProviderId.Bolna).CanGet, Is.True);
    }

    [Test]
    public void Registering_the_same_provider_twice_fails_at_once()
    {
        var builder = new ServiceCollection().AddVoiceBatch().AddProvider(Acme, _ => new ScriptedProvider(Acme, TimeProvider.System));
        Assert.Throws<ArgumentException>(() => builder.AddProvider(new ProviderId("Acme"), _ => new ScriptedProvider(Acme, TimeProvider.System)));
    }

    [Test]
    public async Task A_provider_whose_own_id_differs_is_served_under_the_registered_id()
    {
        var other = new ProviderId("other");
        using var sp = new ServiceCollection().AddVoiceBatch()
            .AddProvider(Acme, _ => new ScriptedProvider(other, TimeProvider.System, () => ScriptedProvider.Batch(other, BatchStatus.Queued))).Services.BuildServiceProvider();
        var batch = await sp.GetRequiredService<IBatchCallClient>().GetBatchAsync(Acme, "b1");
        Assert.That(batch.Provider, Is.EqualTo(Acme));
    }

    [Test]
    public void Create_is_validated_before_anything_is_sent()
    {
        using var server = WireMockServer.Start();
        using var client = new TestClient(b => b.AddProbe(o => TestClient.Fast(o, server.Url!)));
        var contacts = ContactList.FromRows([
            new Dictionary<string, string> { ["phone_number"] = "+14155550101" },
            new Dictionary<string, string> { ["phone_number"] = "not a number" },
        ]);

        Assert.Multiple(() =>
        {
            var rows = Assert.ThrowsAsync<ContactValidationException>(() => client.Client.CreateBatchAsync(ProbeAdapter.ProbeId, new CreateBatchRequest { AgentId = "a", Contacts = contacts }));
            Assert.That(rows!.Errors.Single().Row, Is.EqualTo(3));
            Assert.That(rows.Message, Does.Contain("row 3").And.Contain("Nothing was sent"));
            Assert.ThrowsAsync<ArgumentException>(() => client.Client.CreateBatchAsync(ProbeAdapter.ProbeId, new CreateBatchRequest { AgentId = " ", Contacts = contacts, SkipInvalidContacts = true }));
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Client.CreateBatchAsync(ProbeAdapter.ProbeId, new CreateBatchRequest { AgentId = "a", Contacts = contacts, SkipInvalidContacts = true, ScheduledAt = DateTimeOffset.UtcNow.AddHours(-1) }));
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.Client.CreateBatchAsync(ProbeAdapter.ProbeId, new CreateBatchRequest { AgentId = "a", Contacts = contacts, SkipInvalidContacts = true, MaxConcurrentCalls = 0 }));
            Assert.That(server.LogEntries, Is.Empty);
        });
    }

    [Test]
    public async Task Queries_passed_in_are_never_modified()
    {
        var query = new BatchQuery { PageSize = 5 };
        query.AdditionalParameters["x"] = "1";
        var captured = new List<BatchQuery>();
        var provider = new CapturingProvider(Acme, captured);
        using var sp = new ServiceCollection().AddVoiceBatch().AddProvider(Acme, _ => provider).Services.BuildServiceProvider();

        await foreach (var _ in sp.GetRequiredService<IBatchCallClient>().ListBatchesAsync(Acme, query))
        {
        }

        captured.Single().AdditionalParameters["y"] = "2";

        Assert.That(query.AdditionalParameters.Keys, Is.EquivalentTo(new[] { "x" }));
        Assert.That(captured.Single(), Is.Not.SameAs(query));
    }

    [Test]
    public void Listing_on_a_provider_that_lists_per_agent_requires_AgentId()
    {
        var provider = new CapturingProvider(Acme, [], listRequiresAgent: true);
        using var sp = new ServiceCollection().AddVoiceBatch().AddProvider(Acme, _ => provider).Services.BuildServiceProvider();
        var ex = Assert.Throws<ArgumentException>(() => sp.GetRequiredService<IBatchCallClient>().ListBatchesAsync(Acme));
        Assert.That(ex!.Message, Does.Contain("AgentId"));
    }

    [Test]
    public void Schedule_in_the_past_is_refused_before_sending()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var provider = new CapturingProvider(Acme, []);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        using var sp = services.AddVoiceBatch().AddProvider(Acme, _ => provider).Services.BuildServiceProvider();
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sp.GetRequiredService<IBatchCallClient>().ScheduleBatchAsync(Acme, "b1", time.GetUtcNow().AddMinutes(-1)));
        Assert.That(provider.Scheduled, Is.Zero);
    }

    private sealed class CapturingProvider(ProviderId id, List<BatchQuery> captured, bool listRequiresAgent = false) : IBatchCallProvider
    {
        public int Scheduled { get; private set; }

        public ProviderId Id => id;

        public ProviderCapabilities Capabilities => new() { Operations = BatchOperation.List | BatchOperation.Schedule, ListRequiresAgentId = listRequiresAgent };

        public Task<BatchCall> GetBatchAsync(string batchId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public IAsyncEnumerable<BatchCall> ListBatchesAsync(BatchQuery query, CancellationToken cancellationToken)
        {
            captured.Add(query);
            return AsyncEnumerable.Empty<BatchCall>();
        }

        public Task<BatchCall> ScheduleBatchAsync(string batchId, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Scheduled++;
            return Task.FromResult(new BatchCall { Provider = id, Id = batchId });
        }
    }
}
