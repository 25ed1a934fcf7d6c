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
    // Quotes only where RFC 4180 needs them (separator, quote, CR, LF): spaces are part of a field. CsvHelper 33
    // also quoted values with spaces at either end; CsvHelper 34 does that at half its write speed, so it is not
    // done (the vendors' importers read RFC 4180).
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\n",
        Quoting = CsvQuoting.WhenNeeded,
        Injection = CsvInjection.None,
        WriteByteOrderMark = false,
    };

    public static byte[] Write(IReadOnlyList<Contact> contacts, IReadOnlyList<string> variableNames, string phoneHeader)
    {
        // About 16 bytes a number and 12 a variable: one growth at most for typical sheets.
        using var buffer = new MemoryStream((int)Math.Clamp(contacts.Count * (16L + (12L * variableNames.Count)), 256, 64L * 1024 * 1024));
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            csv.WriteField(phoneHeader);
            for (var v = 0; v < variableNames.Count; v++) csv.WriteField(variableNames[v]);
            csv.EndRecord();

            // Rows read from one sheet share their columns: find each variable's position once, not per row.
            VariableColumns? columns = null;
            var positions = new int[variableNames.Count];
            for (var c = 0; c < contacts.Count; c++)
            {
                var contact = contacts[c];
                csv.WriteField(contact.PhoneNumber);
                if (contact.Variables is ContactVariables row)
                {
                    if (!ReferenceEquals(row.Columns, columns))
                    {
                        columns = row.Columns;
                        for (var v = 0; v < positions.Length; v++) positions[v] = columns.Index.TryGetValue(variableNames[v], out var p) ? p : -1;
                    }

                    for (var v = 0; v < positions.Length; v++) csv.WriteField(positions[v] >= 0 ? row.ValueAt(positions[v]) : string.Empty);
                }
                else
                {
                    for (var v = 0; v < variableNames.Count; v++)
                    {
                        csv.WriteField(contact.Variables.TryGetValue(variableNames[v], out var value) ? value : string.Empty);
                    }
                }

                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }
}
