using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace VoiceBatch.Contacts;

/// <summary>
/// Reads an Excel 97–2003 workbook (BIFF in an OLE2 container; ExcelDataReader 3.6). Same rules as
/// <see cref="XlsxSheetReader"/>: the named sheet or the first visible one, the first non-blank row as the header,
/// the sheet's own row numbers (ExcelDataReader returns every row from the first, blank ones included), cached
/// formula results, cells converted by <see cref="CellText"/>.
/// </summary>
internal static class XlsSheetReader
{
    public static ContactList Read(byte[] content, ContactListOptions options, CancellationToken cancellationToken)
    {
        TextDecoding.EnsureCodePages();
        try
        {
            using var reader = ExcelReaderFactory.CreateBinaryReader(new MemoryStream(content, writable: false));
            SelectSheet(reader, options.SheetName);
            return ReadSheet(reader, options, cancellationToken);
        }
        catch (InvalidPasswordException)
        {
            throw new ContactValidationException("The workbook is password-protected. Remove the password in Excel, or export the contacts as CSV.");
        }
        catch (Exception ex) when (ex is not ContactValidationException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw SheetReading.Unreadable("XLS", ex);
        }
    }

    /// <summary>Moves <paramref name="reader"/> to the wanted sheet (results are forward-only).</summary>
    private static void SelectSheet(IExcelDataReader reader, string? name)
    {
        var names = new List<string>();
        var firstIsWanted = name is null;
        do
        {
            names.Add(reader.Name ?? string.Empty);
            var wanted = name is null
                ? string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase)
                : string.Equals(reader.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase);
            if (wanted) return;
        }
        while (reader.NextResult());

        if (firstIsWanted)
        {
            // Every sheet is hidden: read the first, as Excel would show it once unhidden.
            reader.Reset();
            return;
        }

        throw SheetReading.UnknownSheet(name!, names);
    }

    private static ContactList ReadSheet(IExcelDataReader reader, ContactListOptions options, CancellationToken cancellationToken)
    {
        ContactListBuilder? builder = null;
        var rowNumber = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowNumber++;
            if (builder is null)
            {
                var headers = new string?[reader.FieldCount];
                for (var i = 0; i < headers.Length; i++) headers[i] = CellText.From(reader.GetValue(i));
                if (headers.All(string.IsNullOrWhiteSpace)) continue;
                builder = new ContactListBuilder(headers, options);
                continue;
            }

            var cells = new string?[builder.ColumnCount];
            for (var i = 0; i < cells.Length && i < reader.FieldCount; i++) cells[i] = CellText.From(reader.GetValue(i));
            builder.Add(rowNumber, cells);
        }

        return (builder ?? throw SheetReading.EmptySheet(reader.Name ?? string.Empty)).Build();
    }
}
