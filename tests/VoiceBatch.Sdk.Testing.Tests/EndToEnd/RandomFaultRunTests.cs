using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.EndToEnd;

/// <summary>
/// Issue 14.8 — one seeded random run: 240 mixed operations across every simulated vendor on fake time, with the
/// simulator's faults (5xx bursts, 429s with short and long Retry-After, dropped connections, answers delayed past the
/// attempt timeout) switched on at random before about a third of them. Whatever happens, every failure is a
/// <see cref="VoiceBatchException"/>, no create or retry of failed calls reaches a vendor more often than the SDK was
/// asked to send it, and no exception text or log line holds the key or a full phone number.
/// </summary>
public sealed class RandomFaultRunTests
{
    private const int Seed = 14;
    private const int Steps = 240;
    private const string Key = "sk_canary_7f3d9a1b2c4e6f80";

    [Test]
    public async Task A_seeded_random_run_of_mixed_operations_and_faults_stays_typed_sends_once_and_leaks_nothing()
    {
        var random = new Random(Seed);
        var time = TestTime.New();
        var sim = await VoiceBatchSimulator.StartAsync(new SimulatorOptions { TimeProvider = time, Seed = Seed, ApiKey = Key });
        var logs = new FakeLogCollector();
        var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        sim.Configure(services.AddVoiceBatch(), o =>
        {
            o.MaxRetries = 1;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
            o.AttemptTimeout = TimeSpan.FromMilliseconds(150);
            o.TotalTimeout = TimeSpan.FromSeconds(5);
        });
        var container = services.BuildServiceProvider();
        var client = container.GetRequiredService<IBatchCallClient>();

        var numbers = new List<string>();
        ContactList Contacts(int count)
        {
            var rows = Enumerable.Range(0, count).Select(_ =>
            {
                var number = $"+1415555{numbers.Count + 1000:0000}";
                numbers.Add(number);
                return (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["phone_number"] = number, ["customer_name"] = "Sam" };
            });
            return ContactList.FromRows(rows.ToList());
        }

        var batches = sim.Providers.ToDictionary(p => p, p => new List<string> { sim.AddBatch(p, Contacts(3)), sim.AddBatch(p, Contacts(2)) });
        var sent = sim.Providers.ToDictionary(p => p, _ => (Creates: 0, Retries: 0));
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var untyped = new List<string>();
        var texts = new List<string>();

        for (var step = 0; step < Steps; step++)
        {
            var provider = sim.Providers[random.Next(sim.Providers.Count)];
            var operation = Pick(random, client.GetCapabilities(provider));
            if (random.NextDouble() < 0.35) InjectFault(random, sim.Faults(provider));
            var batchId = batches[provider][random.Next(batches[provider].Count)];

            string outcome;
            try
            {
                switch (operation)
                {
                    case BatchOperation.Create:
                        sent[provider] = (sent[provider].Creates + 1, sent[provider].Retries);
                        var created = await client.CreateBatchAsync(provider, new CreateBatchRequest { AgentId = "agent_sim_1", Name = $"Run {step}", Contacts = Contacts(1 + random.Next(3)) });
                        batches[provider].Add(created.Id);
                        break;
                    case BatchOperation.Retry:
                        sent[provider] = (sent[provider].Creates, sent[provider].Retries + 1);
                        await client.RetryBatchAsync(provider, batchId);
                        break;
                    case BatchOperation.Get:
                        await client.GetBatchAsync(provider, batchId);
                        break;
                    case BatchOperation.GetCalls:
                        await foreach (var _ in client.GetCallsAsync(provider, batchId))
                        {
                        }

                        break;
                    case BatchOperation.List:
                        var query = client.GetCapabilities(provider).ListRequiresAgentId ? new BatchQuery { AgentId = "agent_sim_1" } : new BatchQuery();
                        await foreach (var _ in client.ListBatchesAsync(provider, query))
                        {
                        }

                        break;
                    case BatchOperation.Cancel:
                        await client.CancelBatchAsync(provider, batchId);
                        break;
                    case BatchOperation.Pause:
                        await client.PauseBatchAsync(provider, batchId);
                        break;
                    case BatchOperation.Resume:
                        await client.ResumeBatchAsync(provider, batchId);
                        break;
                    case BatchOperation.Schedule:
                        await client.ScheduleBatchAsync(provider, batchId, time.GetUtcNow().AddHours(1));
                        break;
                }

                outcome = "ok";
            }
            catch (VoiceBatchException ex)
            {
                outcome = ex.GetType().Name;
                texts.Add(ex.ToString());
            }
            catch (Exception ex)
            {
                outcome = "UNTYPED " + ex.GetType().Name;
                untyped.Add($"step {step}: {provider} {operation}: {ex}");
                texts.Add(ex.ToString());
            }

            outcomes[$"{operation} {outcome}"] = outcomes.GetValueOrDefault($"{operation} {outcome}") + 1;
            time.Advance(TimeSpan.FromSeconds(random.Next(0, 20)));
        }

        // Stopping the simulator ends every request still waiting on a delay, so the request log is complete.
        await sim.DisposeAsync();
        await container.DisposeAsync();
        var requests = sim.Requests;
        texts.AddRange(logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception}"));
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        TestContext.Out.WriteLine($"{requests.Count} requests, {requests.Count(r => r.Faulted)} faulted");

        Assert.Multiple(() =>
        {
            Assert.That(untyped, Is.Empty, "every failure is a VoiceBatchException");
            foreach (var provider in sim.Providers)
            {
                Assert.That(requests.Count(r => r.Provider == provider && r.Method == "POST" && r.Operation == BatchOperation.Create), Is.EqualTo(sent[provider].Creates), $"{provider}: create requests vs CreateBatchAsync calls");
                Assert.That(requests.Count(r => r.Provider == provider && r.Method == "POST" && r.Operation == BatchOperation.Retry), Is.EqualTo(sent[provider].Retries), $"{provider}: retry requests vs RetryBatchAsync calls");
            }

            Assert.That(outcomes.Keys.Count(k => !k.EndsWith(" ok", StringComparison.Ordinal)), Is.GreaterThan(3), "the faults did bite");
            Assert.That(requests.Count(r => r.Faulted), Is.GreaterThan(50));
            var all = string.Join("\n", texts);
            Assert.That(all, Does.Not.Contain(Key));
            Assert.That(numbers.Where(n => all.Contains(n, StringComparison.Ordinal) || all.Contains(n[1..], StringComparison.Ordinal)), Is.Empty, "no full phone number in any exception or log line");
        });
    }

    private static readonly (BatchOperation Operation, int Weight)[] Weights =
    [
        (BatchOperation.Get, 4), (BatchOperation.GetCalls, 2), (BatchOperation.List, 1), (BatchOperation.Create, 3),
        (BatchOperation.Cancel, 1), (BatchOperation.Pause, 1), (BatchOperation.Resume, 1), (BatchOperation.Retry, 2), (BatchOperation.Schedule, 1),
    ];

    private static BatchOperation Pick(Random random, ProviderCapabilities capabilities)
    {
        var choices = Weights.Where(w => capabilities.Supports(w.Operation)).ToList();
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (operation, weight) in choices)
        {
            if ((roll -= weight) < 0) return operation;
        }

        return choices[^1].Operation;
    }

    private static void InjectFault(Random random, SimulatorFaults faults)
    {
        switch (random.Next(10))
        {
            case < 4:
                faults.FailNext(1 + random.Next(2), new[] { 500, 502, 503, 504 }[random.Next(4)]);
                break;
            case < 6:
                faults.RateLimitNext(1, random.Next(2) == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(3));
                break;
            case < 9:
                faults.DropNext(1);
                break;
            default:
                faults.DelayNext(1, TimeSpan.FromSeconds(30));
                break;
        }
    }
}
