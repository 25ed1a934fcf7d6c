using CsvHelper;
using VoiceBatch.Internal;

namespace VoiceBatch.Contacts;

/// <summary>
/// Reads a delimited text contact sheet with CsvHelper 34's reader, straight from the file's bytes (UTF-8 is read in
/// place; a byte-order mark or Windows-1252 is transcoded by the reader). CsvHelper does the CSV work: the delimiter
/// (<c>,</c> <c>;</c> tab or <c>|</c>, detected from the first lines outside quotes), Excel's <c>sep=X</c> first line,
/// byte-order marks, RFC 4180 quotes (delimiters, doubled quotes and line breaks inside fields), and recovery from a
/// stray quote inside an unquoted field (kept as text).
/// </summary>
/// <remarks>
/// Row numbers are records, as a spreadsheet shows the file: the first record is row 1, a blank line is a (skipped)
/// row, and a quoted field spanning several lines is still one row; the <c>sep=</c> line is not a row (Excel does not
/// show it). The header is the first non-blank record, normally row 1.
/// </remarks>
internal static class CsvSheetReader
{
    public static ContactList Read(byte[] content, ContactListOptions options, CancellationToken cancellationToken)
    {
        var encoding = TextDecoding.Inspect(content);
        var readerOptions = new CsvReaderOptions
        {
            HasHeader = false,          // the header is the first non-blank record, found below
            SkipEmptyLines = false,     // blank lines still count as sheet rows
            Encoding = encoding,        // null: UTF-8, or what a byte-order mark says
            IncludeValuesInExceptions = false,
            PoolStrings = true,         // the values are kept: repeated ones (cities, plans …) are stored once
        };

        ContactListBuilder? builder = null;
        var row = 0;
        try
        {
            using var csv = CsvReader.Create(content, readerOptions);
            string?[] cells = [];
            while (csv.Read())
            {
                if ((++row & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (builder is null)
                {
                    var record = new string[csv.FieldCount];
                    for (var i = 0; i < record.Length; i++) record[i] = csv.GetString(i);
                    if (record.All(string.IsNullOrWhiteSpace)) continue;
                    builder = new ContactListBuilder(record, options);
                    cells = new string?[builder.ColumnCount];

                    // Rows are about as long as the header (a little longer: values are longer than names).
                    var headerBytes = Math.Max(8, csv.RawRecord.Length + 1);
                    builder.ExpectRows((int)Math.Min(int.MaxValue, content.LongLength / (headerBytes + (headerBytes / 4))));
                    continue;
                }

                var count = Math.Min(csv.FieldCount, cells.Length);
                for (var i = 0; i < count; i++) cells[i] = csv.GetString(i);
                Array.Clear(cells, count, cells.Length - count);
                builder.Add(row, cells);
            }
        }
        catch (CsvFormatException ex)
        {
            throw new ContactValidationException(
                $"The CSV file could not be read near row {Math.Max(row, 1)} ({Redactor.Truncate(Redactor.Scrub(ex.Message, null), 200)}). Check its quotes, or open it in a spreadsheet and save it again as CSV.", ex);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (builder ?? throw new ContactValidationException(
            "The contact file is empty: it needs a header row with a phone column (e.g. 'phone_number') and at least one contact.")).Build();
    }
}
