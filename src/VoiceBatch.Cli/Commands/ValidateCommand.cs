using System.CommandLine;
using Spectre.Console;
using VoiceBatch.Cli.Output;
using VoiceBatch.Cli.Running;

namespace VoiceBatch.Cli.Commands;

/// <summary><c>voicebatch validate leads.xlsx</c>: reads a contact sheet as a create would and reports every row that
/// cannot be called, with its sheet row number. Needs no key and sends nothing. Exit 0 when every row is good, 2 when any is not.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var file = new Argument<FileInfo>("file") { Description = "The contact sheet: CSV, XLSX or XLS (the format is read from the content)" };
        var command = new Command("validate", "Check a contact sheet before any call: numbers, duplicates, the phone column found (no key needed)")
        {
            file, common.Region, common.PhoneColumn, common.Sheet,
        };
        return command.WithoutVendor(context, common, async (reporter, parse, cancellationToken) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            var sheet = await SheetReport.LoadAsync(path, common.SheetOptions(parse), cancellationToken);
            var contacts = sheet.Contacts;
            if (reporter.Json)
            {
                reporter.WriteJson(new ValidationJson(
                    path, sheet.PhoneColumn, sheet.Rows, contacts.Contacts.Count, contacts.Errors.Count, sheet.Duplicates, contacts.VariableNames,
                    [.. contacts.Errors.Select(RowErrorJson.From)]), CliJsonContext.Output.ValidationJson);
            }
            else
            {
                var console = reporter.Console;
                console.WriteLine($"{Path.GetFileName(path)}: {Views.Count(sheet.Rows, "row")}, {contacts.Contacts.Count} ready to call, {contacts.Errors.Count} refused ({Views.Count(sheet.Duplicates, "duplicate")})");
                console.WriteLine($"Phone column: {sheet.PhoneColumn ?? "(the sheet's only column)"}");
                console.WriteLine($"Variables: {(contacts.VariableNames.Count == 0 ? "none" : string.Join(", ", contacts.VariableNames))}");
                if (contacts.Errors.Count > 0)
                {
                    console.Write(Views.RowErrors(contacts.Errors));
                    console.WriteLine("Refused rows are never sent. Fix them, or create with --skip-invalid to call only the rows that are ready.");
                    if (parse.GetValue(common.Region) is null)
                    {
                        console.WriteLine("Numbers written without a country code read with --region <country>, e.g. --region US.");
                    }
                }
            }

            return contacts.Errors.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
    }
}
