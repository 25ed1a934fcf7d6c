using Microsoft.Extensions.Time.Testing;
using VoiceBatch.Tests.Support;

namespace VoiceBatch.Tests.Core;

public sealed class WaitForCompletionTests
{
    private static readonly ProviderId Acme = new("acme");

    private static (IBatchCallClient Client, ScriptedProvider Provider, FakeTimeProvider Time, ServiceProvider Services) Build(params Func<BatchCall>[] script)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        var provider = new ScriptedProvider(Acme, time, script);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddVoiceBatch().AddProvider(Acme, _ => provider);
        var sp = services.BuildServiceProvider();
        return (sp.GetRequiredService<IBatchCallClient>(), provider, time, sp);
    }

    /// <summary>Advances fake time in 1-second steps until the wait ends (no real waiting on the poll interval).</summary>
    private static async Task<T> Drive<T>(Task<T> wait, FakeTimeProvider time)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (!wait.IsCompleted)
        {
            if (guard.Elapsed > TimeSpan.FromSeconds(20)) Assert.Fail("the wait did not finish");
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2);
        }

        return await wait;
    }

    [Test]
    public async Task Returns_the_terminal_batch_and_reports_only_changes()
    {
        var (client, provider, time, sp) = Build(
            () => ScriptedProvider.Batch(Acme, BatchStatus.Queued),
            () => ScriptedProvider.Batch(Acme, BatchStatus.Queued),
            () => ScriptedProvider.Batch(Acme, BatchStatus.Running, completed: 3),
            () => ScriptedProvider.Batch(Acme, BatchStatus.Running, completed: 3),
            () => ScriptedProvider.Batch(Acme, BatchStatus.Running, completed: 7),
            () => ScriptedProvider.Batch(Acme, BatchStatus.Completed, completed: 10));
        using var _ = sp;
        var progress = new ListProgress<BatchCall>();

        var final = await Drive(client.WaitForCompletionAsync(Acme, "b1", progress, TimeSpan.FromSeconds(5)), time);

        Assert.Multiple(() =>
        {
            Assert.That(final.Status, Is.EqualTo(BatchStatus.Completed));
            Assert.That(provider.Calls, Is.EqualTo(6));
            Assert.That(progress.Reports.Select(b => (b.Status, b.Progress.Completed)), Is.EqualTo(new[]
            {
                (BatchStatus.Queued, 0), (BatchStatus.Running, 3), (BatchStatus.Running, 7), (BatchStatus.Completed, 10),
            }));
        });
    }

    [Test]
    public async Task The_interval_grows_while_nothing_changes_and_is_capped()
    {
        var steps = Enumerable.Repeat<Func<BatchCall>>(() => ScriptedProvider.Batch(Acme, BatchStatus.Running), 12)
            .Append(() => ScriptedProvider.Batch(Acme, BatchStatus.Completed)).ToArray();
        var (client, provider, time, sp) = Build(steps);
        using var _ = sp;

        await Drive(client.WaitForCompletionAsync(Acme, "b1", pollInterval: TimeSpan.FromSeconds(5)), time);

        var gaps = provider.CallTimes.Zip(provider.CallTimes.Skip(1), (a, b) => b - a).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(gaps[0], Is.EqualTo(TimeSpan.FromSeconds(5)).Within(TimeSpan.FromSeconds(1)), "the first wait after a change is the given interval");
            Assert.That(gaps[3], Is.GreaterThan(gaps[1]), "unchanged polls wait longer");
            Assert.That(gaps.Max(), Is.LessThanOrEqualTo(TimeSpan.FromSeconds(61)), "capped at MaxPollInterval (1 minute)");
        });
    }

    [Test]
    public async Task Transient_failures_between_polls_are_survived()
    {
        var (client, provider, time, sp) = Build(
            () => ScriptedProvider.Batch(Acme, BatchStatus.Running),
            () => throw new VoiceBatchException("HTTP 503", Acme, 503),
            () => throw new VoiceBatchRateLimitException("slow down", TimeSpan.FromSeconds(30), Acme),
            () => ScriptedProvider.Batch(Acme, BatchStatus.Completed));
        using var _ = sp;

        var final = await Drive(client.WaitForCompletionAsync(Acme, "b1", pollInterval: TimeSpan.FromSeconds(5)), time);

        Assert.That(final.Status, Is.EqualTo(BatchStatus.Completed));
        Assert.That(provider.CallTimes[3] - provider.CallTimes[2], Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(30)), "Retry-After is honoured between polls");
    }

    [Test]
    public void Too_many_consecutive_failures_throw_the_last_one()
    {
        var (client, _, time, sp) = Build(() => throw new VoiceBatchException("HTTP 503", Acme, 503));
        using var __ = sp;
        Assert.ThrowsAsync<VoiceBatchException>(() => Drive(client.WaitForCompletionAsync(Acme, "b1"), time));
    }

    [Test]
    public void A_permanent_failure_is_thrown_at_once()
    {
        var (client, provider, time, sp) = Build(() => throw new BatchNotFoundException("gone", Acme));
        using var _ = sp;
        Assert.ThrowsAsync<BatchNotFoundException>(() => Drive(client.WaitForCompletionAsync(Acme, "b1"), time));
        Assert.That(provider.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task Cancellation_ends_the_wait_immediately()
    {
        var (client, provider, time, sp) = Build(() => ScriptedProvider.Batch(Acme, BatchStatus.Running));
        using var _ = sp;
        using var cts = new CancellationTokenSource();

        var wait = client.WaitForCompletionAsync(Acme, "b1", pollInterval: TimeSpan.FromMinutes(10), cancellationToken: cts.Token);
        while (provider.Calls == 0) await Task.Delay(1);
        cts.Cancel();

        Assert.That(async () => await wait, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(provider.Calls, Is.EqualTo(1), "no further poll after cancellation, and no fake time had to pass");
    }
}
