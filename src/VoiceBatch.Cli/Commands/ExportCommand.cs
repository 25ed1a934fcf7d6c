using System.CommandLine;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary><c>voicebatch export &lt;batch-id&gt; --output results.xlsx</c>: every call of a batch to a CSV or XLSX file.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write (created or overwritten): .csv or .xlsx", Required = true, HelpName = "path" };
        var format = new Option<string?>("--format") { Description = "csv or xlsx (default: from the file's extension)" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var command = new Command("export", "Write every call of a batch to a CSV or XLSX file") { common.BatchId, output, format };
        return command.WithVendor(context, common, (session, reporter, parse, cancellationToken) =>
            throw new CliException(ExitCodes.Unexpected, "notYet",
                "export is not available yet: it writes through VoiceBatch.Sdk's BatchExport, which this build of the SDK does not have. Use 'voicebatch calls <batch-id> --json' meanwhile."));
    }
}
