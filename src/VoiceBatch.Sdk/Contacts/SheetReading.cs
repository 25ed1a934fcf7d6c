namespace VoiceBatch.Contacts;

/// <summary>Messages shared by the workbook readers.</summary>
internal static class SheetReading
{
    public static ContactValidationException UnknownSheet(string name, IEnumerable<string> names)
        => new($"The workbook has no sheet '{name}' (ContactListOptions.SheetName). Its sheets are: {string.Join(", ", names.Select(n => $"'{n}'"))}.");

    public static ContactValidationException EmptySheet(string name)
        => new($"The sheet '{name}' is empty: it needs a header row with a phone column (e.g. 'phone_number') and at least one contact.");
}
