using System.CommandLine;
using Spectre.Console;
using VoiceBatch.Cli.Output;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary>
/// <c>voicebatch create --file leads.csv --agent agt_1</c>: validates the sheet, asks before real people are called
/// (or needs <c>--yes</c>), creates the batch once — never re-sent: an unknown outcome exits 6 — and with
/// <c>--wait</c> follows it to the end.
/// </summary>
internal static class CreateCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var file = new Option<FileInfo>("--file", "-f") { Description = "The contact sheet: CSV, XLSX or XLS", Required = true, HelpName = "path" };
        var agent = new Option<string>("--agent") { Description = "The vendor's id of the agent that places the calls", Required = true, HelpName = "id" };
        var name = new Option<string?>("--name") { Description = "The batch's name (find it by this name after an uncertain create)" };
        var from = new Option<string?>("--from") { Description = "The caller number (VoiceAI: its phone-number id)", HelpName = "number" };
        var at = new Option<DateTimeOffset?>("--at") { Description = "Start at this time instead of now (ISO 8601)", HelpName = "time", CustomParser = CommonOptions.ParseTime };
        var maxConcurrent = new Option<int?>("--max-concurrent") { Description = "Calls placed at once", HelpName = "n" };
        var maxRetries = new Option<int?>("--max-retries") { Description = "Re-dials of an unanswered or failed call", HelpName = "n" };
        var retryInterval = new Option<TimeSpan?>("--retry-interval") { Description = "Time between re-dials, e.g. 30m", HelpName = "duration", CustomParser = CommonOptions.ParseDuration };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Call the valid rows even when some rows are refused (else nothing is sent)" };
        var wait = new Option<bool>("--wait") { Description = "Follow the batch until it ends" };
        var command = new Command("create", "Create a batch from a contact sheet: places real calls (asks first, or --yes)")
        {
            file, agent, name, from, at, maxConcurrent, maxRetries, retryInterval, skipInvalid, common.Region, common.PhoneColumn, common.Sheet, common.Yes, wait, common.Interval,
        };
        return command.WithVendor(context, common, async (session, reporter, parse, cancellationToken) =>
        {
            var sheet = parse.GetRequiredValue(file);
            var contacts = await ContactList.LoadAsync(sheet.FullName, common.SheetOptions(parse), cancellationToken);
            if (contacts.Errors.Count > 0 && !parse.GetValue(skipInvalid))
            {
                var region = parse.GetValue(common.Region) is null ? " Numbers written without a country code read with --region <country>." : "";
                throw new ContactValidationException(
                    $"{sheet.Name}: {Views.Count(contacts.Errors.Count, "row")} cannot be called, so nothing was sent. Fix them, or add --skip-invalid to call only the {contacts.Contacts.Count} that are ready.{region}",
                    contacts.Errors);
            }

            if (contacts.Contacts.Count == 0)
            {
                throw CliException.Usage($"{sheet.Name} has no row that can be called; nothing was sent.");
            }

            var request = new CreateBatchRequest
            {
                AgentId = parse.GetRequiredValue(agent),
                Contacts = contacts,
                Name = parse.GetValue(name),
                FromPhoneNumber = parse.GetValue(from),
                ScheduledAt = parse.GetValue(at),
                MaxConcurrentCalls = parse.GetValue(maxConcurrent),
                MaxRetries = parse.GetValue(maxRetries),
                RetryInterval = parse.GetValue(retryInterval),
                SkipInvalidContacts = parse.GetValue(skipInvalid),
            };
            Confirmation.Require(session, reporter, parse.GetValue(common.Yes),
                $"This creates a batch on {session.Provider} that phones {(contacts.Contacts.Count == 1 ? "1 real person" : $"{contacts.Contacts.Count} real people")} with agent {request.AgentId}.");

            BatchCall batch;
            try
            {
                batch = await session.Client.CreateBatchAsync(session.Provider, request, cancellationToken);
            }
            catch (OperationCanceledException ex) when (cancellationToken.IsCancellationRequested)
            {
                // Interrupted while the create was on its way: the vendor may have it.
                throw new BatchCreationUncertainException(session.Provider, request.Name, innerException: ex);
            }

            if (!parse.GetValue(wait))
            {
                reporter.Batch(batch);
                if (session.IsSimulated && !reporter.Json) reporter.Note("(simulated: this batch ends with this command; add --wait to follow it)");
                return ExitCodes.Ok;
            }

            if (!reporter.Json) reporter.Console.WriteLine($"Created batch {batch.Id} on {batch.Provider}; following it.");
            reporter.Batch(await Following.WaitAsync(session, reporter, batch.Id, parse.GetValue(common.Interval), cancellationToken));
            return ExitCodes.Ok;
        });
    }
}
