using System.CommandLine;
using VoiceBatch.Cli.Output;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary>Runs a command's body and turns whatever it throws into a reported failure and its exit code (<see cref="Failure"/>).</summary>
internal static class CommandRunner
{
    /// <summary>A command that talks to a vendor: the session (configured or simulated) is opened first and closed after.</summary>
    public static Command WithVendor(this Command command, CliContext context, CommonOptions common, Func<VendorSession, Reporter, ParseResult, CancellationToken, Task<int>> body)
    {
        common.AddVendorOptions(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reporter = new Reporter(context, parse.GetValue(common.Json));
            try
            {
                await using var session = await VendorSession.OpenAsync(context, parse.GetValue(common.Provider), parse.GetValue(common.Simulate), cancellationToken);
                return await body(session, reporter, parse, cancellationToken);
            }
            catch (Exception ex)
            {
                return reporter.Fail(Failure.From(ex, cancellationToken.IsCancellationRequested));
            }
        });
        return command;
    }

    /// <summary>A command that needs no vendor (validate, keys).</summary>
    public static Command WithoutVendor(this Command command, CliContext context, CommonOptions common, Func<Reporter, ParseResult, CancellationToken, Task<int>> body)
    {
        command.Options.Add(common.Json);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var reporter = new Reporter(context, parse.GetValue(common.Json));
            try
            {
                return await body(reporter, parse, cancellationToken);
            }
            catch (Exception ex)
            {
                return reporter.Fail(Failure.From(ex, cancellationToken.IsCancellationRequested));
            }
        });
        return command;
    }
}
