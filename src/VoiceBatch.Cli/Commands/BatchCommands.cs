using System.CommandLine;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary>The commands that act on one batch by id and print it: get, wait, cancel, pause, resume, retry, schedule.</summary>
internal static class BatchCommands
{
    public static Command Get(CliContext context, CommonOptions common)
        => OnBatch(context, common, "get", "Show a batch: status and progress", (session, id, _, ct) => session.Client.GetBatchAsync(session.Provider, id, ct));

    public static Command Wait(CliContext context, CommonOptions common)
    {
        var command = new Command("wait", "Follow a batch until it ends (live progress; plain lines when not interactive). Exit 0 when it ended, whatever its status")
        {
            common.Interval,
        };
        return OnBatch(context, common, command, (session, id, parse, ct) => Following.WaitAsync(session, parse.Reporter, id, parse.Result.GetValue(common.Interval), ct));
    }

    public static Command Cancel(CliContext context, CommonOptions common)
        => OnBatch(context, common, "cancel", "Cancel a batch: no further calls are placed", (session, id, _, ct) => session.Client.CancelBatchAsync(session.Provider, id, ct));

    public static Command Pause(CliContext context, CommonOptions common)
        => OnBatch(context, common, "pause", "Pause a running batch", (session, id, _, ct) => session.Client.PauseBatchAsync(session.Provider, id, ct));

    public static Command Resume(CliContext context, CommonOptions common)
        => OnBatch(context, common, "resume", "Resume a paused batch", (session, id, _, ct) => session.Client.ResumeBatchAsync(session.Provider, id, ct));

    public static Command Retry(CliContext context, CommonOptions common)
    {
        var command = new Command("retry", "Call the failed and unanswered contacts of a batch again: places real calls (asks first, or --yes)") { common.Yes };
        return OnBatch(context, common, command, (session, id, parse, ct) =>
        {
            Confirmation.Require(session, parse.Reporter, parse.Result.GetValue(common.Yes), $"This phones the failed and unanswered contacts of batch {id} on {session.Provider} again.");
            return session.Client.RetryBatchAsync(session.Provider, id, ct);
        });
    }

    public static Command Schedule(CliContext context, CommonOptions common)
    {
        var at = new Option<DateTimeOffset?>("--at") { Description = "When the batch starts (ISO 8601; without an offset, local time)", Required = true, HelpName = "time", CustomParser = CommonOptions.ParseTime };
        var command = new Command("schedule", "Set when a batch starts") { at };
        return OnBatch(context, common, command, (session, id, parse, ct) => session.Client.ScheduleBatchAsync(session.Provider, id, parse.Result.GetValue(at)!.Value, ct));
    }

    private static Command OnBatch(CliContext context, CommonOptions common, string name, string description, Func<VendorSession, string, Invocation, CancellationToken, Task<BatchCall>> act)
        => OnBatch(context, common, new Command(name, description), act);

    private static Command OnBatch(CliContext context, CommonOptions common, Command command, Func<VendorSession, string, Invocation, CancellationToken, Task<BatchCall>> act)
    {
        command.Arguments.Add(common.BatchId);
        return command.WithVendor(context, common, async (session, reporter, parse, cancellationToken) =>
        {
            var batch = await act(session, parse.GetRequiredValue(common.BatchId), new Invocation(parse, reporter), cancellationToken);
            reporter.Batch(batch);
            return ExitCodes.Ok;
        });
    }

    /// <summary>What a batch command's body may need beyond the session: its parse result and its reporter.</summary>
    private sealed record Invocation(ParseResult Result, Output.Reporter Reporter);
}
