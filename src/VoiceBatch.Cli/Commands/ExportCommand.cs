using System.CommandLine;
using Spectre.Console;
using VoiceBatch.Cli.Output;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary>
/// <c>voicebatch export &lt;batch-id&gt; --output results.xlsx</c>: every call of a batch, streamed page by page into a CSV
/// or XLSX file with the SDK's <see cref="BatchExport"/> (one canonical column set for every vendor, then the contacts'
/// variables; formulas escaped). The file is created or overwritten, and deleted again if the export fails.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write (created or overwritten): .csv or .xlsx", Required = true, HelpName = "path" };
        var format = new Option<string?>("--format") { Description = "csv or xlsx (default: from the file's extension)" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var status = new Option<CallStatus?>("--status") { Description = "Only calls in this status" };
        var command = new Command("export", "Write every call of a batch to a CSV or XLSX file") { common.BatchId, output, format, status };
        return command.WithVendor(context, common, async (session, reporter, parse, cancellationToken) =>
        {
            var file = parse.GetRequiredValue(output);
            var kind = parse.GetValue(format) ?? file.Extension.TrimStart('.').ToLowerInvariant();
            if (kind is not ("csv" or "xlsx"))
            {
                throw CliException.Usage($"Cannot tell the format of '{file.Name}': name it .csv or .xlsx, or add --format csv|xlsx.");
            }

            var batchId = parse.GetRequiredValue(common.BatchId);
            await session.EnsureBatchExistsAsync(batchId, cancellationToken);
            var calls = session.Client.GetCallsAsync(session.Provider, batchId, new CallQuery { Status = parse.GetValue(status) }, cancellationToken);
            var records = kind == "csv"
                ? await BatchExport.WriteCsvAsync(calls, file.FullName, cancellationToken: cancellationToken)
                : await BatchExport.WriteXlsxAsync(calls, file.FullName, cancellationToken: cancellationToken);
            if (reporter.Json) reporter.WriteJson(new ExportJson(file.FullName, kind, records), CliJsonContext.Output.ExportJson);
            else reporter.Console.WriteLine($"Wrote {Views.Count((int)Math.Min(records, int.MaxValue), "call")} to {file.FullName}");
            return ExitCodes.Ok;
        });
    }
}
