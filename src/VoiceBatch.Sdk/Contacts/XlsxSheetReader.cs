using ClosedXML.Excel;

namespace VoiceBatch.Contacts;

/// <summary>
/// Reads an XLSX workbook (ClosedXML 0.95.4) after <see cref="ZipBombGuard"/> has cleared it. Reads the sheet named
/// by <see cref="ContactListOptions.SheetName"/>, else the first visible sheet. The header is the first non-blank
/// row (normally row 1); row numbers are the sheet's own. Cells are converted by <see cref="CellText"/>; a formula
/// cell gives the result saved in the file (formulas are never evaluated here: a file saved without results,
/// as some generators do, reads those cells as empty).
/// </summary>
internal static class XlsxSheetReader
{
    public static ContactList Read(byte[] content, ContactListOptions options, CancellationToken cancellationToken)
    {
        ZipBombGuard.Check(content, options);
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(content, writable: false));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            throw SheetReading.Unreadable("XLSX", ex);
        }

        using (workbook)
        {
            var sheet = PickSheet(workbook, options.SheetName);
            try
            {
                return ReadSheet(sheet, options, cancellationToken);
            }
            catch (Exception ex) when (ex is not ContactValidationException and not OperationCanceledException and not OutOfMemoryException)
            {
                throw SheetReading.Unreadable("XLSX", ex);
            }
        }
    }

    private static IXLWorksheet PickSheet(XLWorkbook workbook, string? name)
    {
        var sheets = workbook.Worksheets.ToList();
        if (sheets.Count == 0) throw new ContactValidationException("The workbook has no worksheet. Add the contacts to a sheet, or export them as CSV.");
        if (name is null) return sheets.FirstOrDefault(s => s.Visibility == XLWorksheetVisibility.Visible) ?? sheets[0];
        return sheets.FirstOrDefault(s => string.Equals(s.Name.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase))
               ?? throw SheetReading.UnknownSheet(name, sheets.Select(s => s.Name));
    }

    private static ContactList ReadSheet(IXLWorksheet sheet, ContactListOptions options, CancellationToken cancellationToken)
    {
        ContactListBuilder? builder = null;
        foreach (var row in sheet.RowsUsed())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (builder is null)
            {
                var last = row.LastCellUsed()?.Address.ColumnNumber ?? 0;
                var headers = new string?[last];
                foreach (var cell in row.CellsUsed()) headers[cell.Address.ColumnNumber - 1] = CellText.From(ValueOf(cell));
                if (headers.All(string.IsNullOrWhiteSpace)) continue;
                builder = new ContactListBuilder(headers, options);
                continue;
            }

            var cells = new string?[builder.ColumnCount];
            foreach (var cell in row.CellsUsed())
            {
                var column = cell.Address.ColumnNumber;
                if (column <= cells.Length) cells[column - 1] = CellText.From(ValueOf(cell));
            }

            builder.Add(row.RowNumber(), cells);
        }

        return (builder ?? throw SheetReading.EmptySheet(sheet.Name)).Build();
    }

    private static object? ValueOf(IXLCell cell)
    {
        if (!cell.HasFormula) return cell.Value;
        var cached = cell.CachedValue;
        return cached is string { Length: 0 } ? null : cached;
    }
}
