using System.Globalization;
using Spectre.Console;
using VoiceBatch.Cli.Output;

namespace VoiceBatch.Cli.Running;

/// <summary>
/// Follows a batch to its end with the SDK's <see cref="IBatchCallClient.WaitForCompletionAsync"/>: a live progress
/// bar when a person is watching, else one plain line each time the status or a counter changes (on standard error
/// with <c>--json</c>, so standard output keeps its one document).
/// </summary>
internal static class Following
{
    public static async Task<BatchCall> WaitAsync(VendorSession session, Reporter reporter, string batchId, TimeSpan? interval, CancellationToken cancellationToken)
    {
        interval ??= session.DefaultPollInterval;
        if (!reporter.IsInteractive)
        {
            var lines = new Inline(batch => Line(reporter, batch));
            return await session.Client.WaitForCompletionAsync(session.Provider, batchId, lines, interval, cancellationToken);
        }

        BatchCall? done = null;
        await reporter.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var bar = progress.AddTask(Markup.Escape($"{batchId} waiting"), maxValue: 1);
                var updates = new Inline(batch =>
                {
                    bar.Description = Markup.Escape($"{batch.Id} {batch.Status} {Views.Fraction(batch.Progress)}");
                    if (batch.Progress.Total is > 0 and var total)
                    {
                        bar.MaxValue = total;
                        bar.Value = batch.Progress.Finished;
                    }
                });
                done = await session.Client.WaitForCompletionAsync(session.Provider, batchId, updates, interval, cancellationToken);
                updates.Report(done);
                bar.Value = bar.MaxValue;
                bar.StopTask();
            });
        return done!;
    }

    private static void Line(Reporter reporter, BatchCall batch)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.Now:HH:mm:ss} {batch.Id} {batch.Status}: {Views.Progress(batch.Progress)}");
        if (reporter.Json) reporter.Note(line);
        else reporter.Console.WriteLine(line);
    }

    /// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> would post to the thread pool and could reorder).</summary>
    private sealed class Inline(Action<BatchCall> report) : IProgress<BatchCall>
    {
        public void Report(BatchCall value) => report(value);
    }
}
