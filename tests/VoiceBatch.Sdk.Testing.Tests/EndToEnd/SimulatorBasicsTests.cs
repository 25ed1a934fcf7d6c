using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>The simulator's own promises: reproducible runs, DI wiring on one clock, the outcome mix, option checks.</summary>
public sealed class SimulatorBasicsTests
{
    private static async Task<(List<string> Ids, List<CallStatus> Outcomes)> RunAsync(int seed)
    {
        var time = TestTime.New();
        await using var sim = await VoiceBatchSimulator.StartAsync(new SimulatorOptions { TimeProvider = time, Seed = seed });
        await using var client = sim.CreateClient(SimulatorTest.Fast);
        var batch = await client.CreateBatchAsync(ProviderId.VoiceAI, new CreateBatchRequest { AgentId = "a", Name = "n", Contacts = Contacts(20) });
        time.Advance(TimeSpan.FromMinutes(30));
        var done = await client.GetBatchAsync(ProviderId.VoiceAI, batch.Id);
        return ([batch.Id, .. done.Calls.Select(c => c.Id!)], done.Calls.Select(c => c.Status).ToList());
    }

    private static ContactList Contacts(int count)
        => ContactList.FromRows(Enumerable.Range(0, count).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["phone_number"] = $"+1415555{1000 + i}" }));

    [Test]
    public async Task The_same_seed_gives_the_same_ids_and_outcomes()
    {
        var first = await RunAsync(7);
        var again = await RunAsync(7);
        var other = await RunAsync(8);

        Assert.Multiple(() =>
        {
            Assert.That(again.Ids, Is.EqualTo(first.Ids));
            Assert.That(again.Outcomes, Is.EqualTo(first.Outcomes));
            Assert.That(other.Ids, Is.Not.EqualTo(first.Ids));
        });
    }

    [Test]
    public async Task Configure_adds_every_provider_to_your_own_container_on_the_simulators_clock()
    {
        var time = TestTime.New();
        await using var sim = await VoiceBatchSimulator.StartAsync(new SimulatorOptions { TimeProvider = time, Outcomes = CallOutcomeMix.AllAnswered });
        var services = new ServiceCollection();
        sim.Configure(services.AddVoiceBatch(), SimulatorTest.Fast);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IBatchCallClient>();

        var batch = await client.CreateBatchAsync(ProviderId.Bolna, new CreateBatchRequest { AgentId = "a", Contacts = Contacts(3) });
        time.Advance(TimeSpan.FromMinutes(20));
        var done = await client.WaitForCompletionAsync(ProviderId.Bolna, batch.Id);

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<TimeProvider>(), Is.SameAs(time));
            Assert.That(done.Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(done.Progress.Completed, Is.EqualTo(3), "every call answered");
            Assert.That(sim.Providers, Is.EquivalentTo(new[] { ProviderId.DialNexa, ProviderId.VoiceAI, ProviderId.ElevenLabs, ProviderId.BatchDetails, ProviderId.Bolna, ProviderId.Synthflow, ProviderId.Retell, ProviderId.Bland }));
        });
    }

    [Test]
    public void Options_out_of_range_are_refused_at_start()
    {
        Assert.Multiple(() =>
        {
            Assert.ThrowsAsync<ArgumentException>(() => VoiceBatchSimulator.StartAsync(new SimulatorOptions { Outcomes = new CallOutcomeMix { Answered = 0, NoAnswer = 0, Busy = 0, Failed = 0 } }));
            Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => VoiceBatchSimulator.StartAsync(new SimulatorOptions { CallDuration = TimeSpan.Zero }));
            Assert.ThrowsAsync<ArgumentException>(async () =>
            {
                await using var sim = await VoiceBatchSimulator.StartAsync();
                sim.BaseAddress(new ProviderId("acme"));
            });
        });
    }
}
