using Microsoft.Extensions.Time.Testing;

namespace VoiceBatch.Testing.Tests.Support;

/// <summary>
/// A simulator on fake time and a client wired to it, fresh for every test. The client retries quickly (loopback), so
/// transient-fault tests do not wait; time moves only through <see cref="Advance"/> and <see cref="Step"/>.
/// </summary>
public abstract class SimulatorTest
{
    protected FakeTimeProvider Time { get; private set; } = null!;

    protected VoiceBatchSimulator Sim { get; private set; } = null!;

    protected VoiceBatchClient Client { get; private set; } = null!;

    /// <summary>The options of the simulator under test (override to change the mix, timing or seed).</summary>
    protected virtual SimulatorOptions Options(FakeTimeProvider time) => new() { TimeProvider = time, Seed = 42 };

    [SetUp]
    public async Task StartSimulatorAsync()
    {
        Time = TestTime.New();
        Sim = await VoiceBatchSimulator.StartAsync(Options(Time));
        Client = Sim.CreateClient(Fast);
    }

    [TearDown]
    public async Task StopSimulatorAsync()
    {
        await Client.DisposeAsync();
        await Sim.DisposeAsync();
    }

    /// <summary>Quick retries for a loopback server.</summary>
    public static void Fast(VoiceBatchProviderOptions o)
    {
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        o.MaxRetryDelay = TimeSpan.FromSeconds(2);
        o.AttemptTimeout = TimeSpan.FromSeconds(10);
        o.TotalTimeout = TimeSpan.FromSeconds(30);
    }

    protected void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Reads the batch every <paramref name="step"/> until it is terminal, returning every distinct reading (status, vendor word, finished).</summary>
    protected async Task<List<BatchCall>> Step(ProviderId provider, string batchId, TimeSpan step, int maxSteps = 500)
    {
        var seen = new List<BatchCall>();
        for (var i = 0; i < maxSteps; i++)
        {
            var batch = await Client.GetBatchAsync(provider, batchId);
            if (seen.Count == 0 || seen[^1].RawStatus != batch.RawStatus || seen[^1].Status != batch.Status || seen[^1].Progress != batch.Progress) seen.Add(batch);
            if (batch.IsTerminal) return seen;
            Time.Advance(step);
        }

        Assert.Fail($"{provider} batch {batchId} did not finish in {maxSteps} steps of {step}");
        return seen;
    }

    /// <summary>Collects every call status seen while stepping through a whole batch.</summary>
    protected async Task<HashSet<CallStatus>> CallStatusesSeen(ProviderId provider, string batchId, TimeSpan step, int maxSteps = 500)
    {
        var seen = new HashSet<CallStatus>();
        for (var i = 0; i < maxSteps; i++)
        {
            await foreach (var call in Client.GetCallsAsync(provider, batchId)) seen.Add(call.Status);
            if ((await Client.GetBatchAsync(provider, batchId)).IsTerminal) return seen;
            Time.Advance(step);
        }

        Assert.Fail($"{provider} batch {batchId} did not finish");
        return seen;
    }

    /// <summary>Contacts with E.164 numbers and two variables each.</summary>
    protected static ContactList Contacts(int count, int firstNumber = 101)
        => ContactList.FromRows(Enumerable.Range(0, count).Select(i => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
        {
            ["phone_number"] = $"+1415555{firstNumber + i:0000}",
            ["customer_name"] = $"Customer {i + 1}",
            ["plan"] = i % 2 == 0 ? "gold" : "silver",
        }));

    protected static CreateBatchRequest Request(ContactList contacts, string name = "Spring follow-up", DateTimeOffset? at = null, int? concurrency = null)
        => new() { AgentId = "agent_sim_1", Name = name, Contacts = contacts, ScheduledAt = at, MaxConcurrentCalls = concurrency };

    /// <summary>A raw HTTP client for wire-level tests.</summary>
    protected HttpClient Http(ProviderId provider, params (string Name, string Value)[] headers)
    {
        var http = new HttpClient { BaseAddress = Sim.BaseAddress(provider) };
        foreach (var (name, value) in headers) http.DefaultRequestHeaders.TryAddWithoutValidation(name, value);
        return http;
    }

    protected HttpClient Bearer(ProviderId provider) => Http(provider, ("Authorization", "Bearer " + Sim.ApiKey));
}
