using System.CommandLine;
using System.CommandLine.Invocation;
using VoiceBatch.Cli.Commands;
using VoiceBatch.Cli.Output;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli;

/// <summary>The <c>voicebatch</c> command line: every command, and the one place parse errors become exit code 2.</summary>
internal static class VoiceBatchCommandLine
{
    public static RootCommand Build(CliContext context)
    {
        var common = new CommonOptions();
        return new RootCommand(
            "voicebatch: outbound voice-AI batch calls on every vendor of VoiceBatch.Sdk (see --provider). "
            + "Keys come from VOICEBATCH__<PROVIDER>__APIKEY, the user secrets (voicebatch keys set) or appsettings.json; "
            + "--simulate runs any command against in-process vendor simulators. "
            + "Exit codes: 0 ok, 1 unexpected, 2 bad input, 3 not found, 4 authentication, 5 vendor error, 6 outcome unknown, 130 interrupted.")
        {
            ValidateCommand.Create(context, common),
            CreateCommand.Create(context, common),
            BatchCommands.Get(context, common),
            ListCommand.Create(context, common),
            CallsCommand.Create(context, common),
            BatchCommands.Wait(context, common),
            BatchCommands.Cancel(context, common),
            BatchCommands.Pause(context, common),
            BatchCommands.Resume(context, common),
            BatchCommands.Retry(context, common),
            BatchCommands.Schedule(context, common),
            ExportCommand.Create(context, common),
            KeysCommand.Create(context, common),
        };
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = Build(context).Parse(args);
        if (parse.Action is ParseErrorAction)
        {
            var reporter = new Reporter(context, json: args.Contains("--json", StringComparer.Ordinal));
            var command = string.Join(' ', parse.CommandResult.Command.Name == parse.RootCommandResult.Command.Name ? [] : new[] { parse.CommandResult.Command.Name });
            return reporter.Fail(new Failure(ExitCodes.BadInput, "usage", string.Join(Environment.NewLine, parse.Errors.Select(e => e.Message)))
            {
                Hint = $"See 'voicebatch {command}{(command.Length == 0 ? "" : " ")}--help'.",
            });
        }

        return await parse.InvokeAsync(new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Every failure is reported by the command itself (CommandRunner); anything else is a bug that should show its stack.
            EnableDefaultExceptionHandler = false,
        }, cancellationToken);
    }
}
