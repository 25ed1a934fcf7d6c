using CsvHelper;

namespace VoiceBatch.Contacts;

/// <summary>
/// Re-writes validated contacts as the CSV a vendor uploads: the phone column first (named as the vendor wants),
/// then every variable column in sheet order. UTF-8 without BOM, LF line ends, RFC 4180 quoting (CsvHelper 34's
/// writer). Values are written exactly: no formula escaping, since the file is read by the vendor's importer, not a
/// spreadsheet, and an E.164 <c>+1…</c> must arrive as it is.
/// </summary>
internal static class ContactCsvWriter
{
    private static readonly CsvWriterOptions Options = new() { NewLine = "\n", Injection = CsvInjection.None, WriteByteOrderMark = false };

    public static byte[] Write(IReadOnlyList<Contact> contacts, IReadOnlyList<string> variableNames, string phoneHeader)
    {
        // About 16 bytes a number and 12 a variable: one growth at most for typical sheets.
        using var buffer = new MemoryStream((int)Math.Clamp(contacts.Count * (16L + (12L * variableNames.Count)), 256, 64L * 1024 * 1024));
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteField(phoneHeader);
            foreach (var name in variableNames) csv.WriteField(name);
            csv.EndRecord();
            foreach (var contact in contacts)
            {
                csv.WriteField(contact.PhoneNumber);
                foreach (var name in variableNames)
                {
                    csv.WriteField(contact.Variables.TryGetValue(name, out var value) ? value : string.Empty);
                }

                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }
}
