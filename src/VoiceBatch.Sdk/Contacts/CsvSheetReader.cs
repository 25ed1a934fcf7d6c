using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace VoiceBatch.Contacts;

/// <summary>
/// Reads a delimited text contact sheet (CsvHelper 33, classic API). The delimiter is the one among
/// <c>,</c> <c>;</c> tab <c>|</c> that occurs most often in the header line outside quotes (ties in that order;
/// none → comma). RFC 4180 quoting (fields with delimiters, doubled quotes and line breaks). A stray quote inside an
/// unquoted field is kept as text rather than failing the file. Excel's <c>sep=X</c> first line is honoured.
/// </summary>
/// <remarks>
/// Row numbers are records, as a spreadsheet shows the file: the first record is row 1, a blank line is a (skipped)
/// row, and a quoted field spanning several lines is still one row (CsvHelper's <c>Parser.Row</c>, not its
/// <c>RawRow</c>). The header is the first non-blank record, normally row 1.
/// </remarks>
internal static class CsvSheetReader
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    public static ContactList Read(string text, ContactListOptions options, CancellationToken cancellationToken)
    {
        if (text.AsSpan().TrimStart().StartsWith("<"))
        {
            // Web apps often export an HTML table (or Excel 2003 XML) named .xls; reading it as CSV gives nonsense.
            throw new ContactValidationException(
                "The contact file is HTML or XML, not a CSV, XLSX or XLS file (some tools export a web page named .xls). Open it in Excel and save it as XLSX or CSV.");
        }

        var delimiter = ExcelSeparatorHint(ref text) ?? DetectDelimiter(text);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = false,
            IgnoreBlankLines = false,
            BadDataFound = null,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
            Mode = CsvMode.RFC4180,
        };

        using var reader = new StringReader(text);
        using var csv = new CsvReader(reader, configuration);
        var parser = csv.Parser;
        ContactListBuilder? builder = null;
        try
        {
            while (parser.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var record = parser.Record ?? [];
                if (builder is null)
                {
                    if (record.All(string.IsNullOrWhiteSpace)) continue;
                    builder = new ContactListBuilder(record, options);
                    continue;
                }

                builder.Add(parser.Row, record);
            }
        }
        catch (CsvHelperException ex)
        {
            throw new ContactValidationException(
                $"The CSV file could not be read near row {parser.Row} ({ex.GetType().Name}). Check its quotes, or open it in a spreadsheet and save it again as CSV.");
        }

        return (builder ?? throw new ContactValidationException(
            "The contact file is empty: it needs a header row with a phone column (e.g. 'phone_number') and at least one contact.")).Build();
    }

    /// <summary>
    /// Excel's <c>sep=;</c> first line names the delimiter and is not part of the sheet (Excel does not show it, so
    /// the header is still row 1): it is removed and its delimiter used.
    /// </summary>
    internal static char? ExcelSeparatorHint(ref string text)
    {
        if (text.Length < 5 || !text.StartsWith("sep=", StringComparison.OrdinalIgnoreCase)) return null;
        var end = text.IndexOfAny(['\r', '\n']);
        var line = end < 0 ? text : text[..end];
        if (line.Length != 5) return null;
        text = end < 0 ? string.Empty : text[(text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1)..];
        return line[4];
    }

    /// <summary>The delimiter of the first non-blank line (quotes respected); comma when none occurs.</summary>
    internal static char DetectDelimiter(string text)
    {
        var counts = new int[Candidates.Length];
        var inQuotes = false;
        var seenContent = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
                seenContent = true;
            }
            else if (!inQuotes && c is '\r' or '\n')
            {
                if (seenContent) break;
            }
            else if (!inQuotes)
            {
                var index = Array.IndexOf(Candidates, c);
                if (index >= 0) counts[index]++;
                if (!char.IsWhiteSpace(c)) seenContent = true;
            }
        }

        var best = 0;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[best]) best = i;
        }

        return counts[best] > 0 ? Candidates[best] : ',';
    }
}
