using VoiceBatch.Internal;

namespace VoiceBatch.Contacts;

/// <summary>Messages shared by the workbook readers.</summary>
internal static class SheetReading
{
    public static ContactValidationException Unreadable(string format, Exception ex)
        => new($"The {format} workbook cannot be read ({ex.GetType().Name}: {Redactor.Truncate(Redactor.Scrub(ex.Message, null), 200)}). " +
               "Open it in Excel and save it again, or export the contacts as CSV.");

    public static ContactValidationException UnknownSheet(string name, IEnumerable<string> names)
        => new($"The workbook has no sheet '{name}' (ContactListOptions.SheetName). Its sheets are: {string.Join(", ", names.Select(n => $"'{n}'"))}.");

    public static ContactValidationException EmptySheet(string name)
        => new($"The sheet '{name}' is empty: it needs a header row with a phone column (e.g. 'phone_number') and at least one contact.");
}
