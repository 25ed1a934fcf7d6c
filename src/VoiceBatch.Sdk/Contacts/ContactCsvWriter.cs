using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace VoiceBatch.Contacts;

/// <summary>
/// Re-writes validated contacts as the CSV a vendor uploads: the phone column first (named as the vendor wants),
/// then every variable column in sheet order. UTF-8 without BOM, RFC 4180 quoting (CsvHelper 33, classic API).
/// </summary>
internal static class ContactCsvWriter
{
    public static byte[] Write(IReadOnlyList<Contact> contacts, IReadOnlyList<string> variableNames, string phoneHeader)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            csv.WriteField(phoneHeader);
            foreach (var name in variableNames) csv.WriteField(name);
            csv.NextRecord();
            foreach (var contact in contacts)
            {
                csv.WriteField(contact.PhoneNumber);
                foreach (var name in variableNames)
                {
                    csv.WriteField(contact.Variables.TryGetValue(name, out var value) ? value : string.Empty);
                }

                csv.NextRecord();
            }
        }

        return buffer.ToArray();
    }
}
