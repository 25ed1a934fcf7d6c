using System.IO.Compression;
using System.Xml;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using VoiceBatch.Internal;

namespace VoiceBatch.Contacts;

/// <summary>
/// Reads a workbook's sheet with ExcelDataReader 3.6's forward-only reader: XLSX (its own streaming ZIP/XML reader,
/// after <see cref="ZipBombGuard"/> has cleared the archive) and XLS (BIFF in an OLE2 container). No document model is
/// built and no OpenXml or ClosedXML assembly is loaded, so the read is the same whatever version of those an
/// application uses beside the SDK.
/// </summary>
/// <remarks>
/// The sheet named by <see cref="ContactListOptions.SheetName"/> is read, else the first visible one (the first of all
/// when every sheet is hidden). The header is the first non-blank row (normally row 1); row numbers are the sheet's own
/// (the reader returns every row from row 1, blank ones included). Cells are converted by <see cref="CellText"/>; a
/// formula cell gives the result saved in the file (formulas are never evaluated: a file saved without results, as
/// some generators do, reads those cells as empty).
/// </remarks>
internal static class WorkbookSheetReader
{
    public static ContactList ReadXlsx(byte[] content, ContactListOptions options, CancellationToken cancellationToken)
    {
        ZipBombGuard.Check(content, options);
        return Read(content, "XLSX", static s => ExcelReaderFactory.CreateOpenXmlReader(s), options, cancellationToken);
    }

    public static ContactList ReadXls(byte[] content, ContactListOptions options, CancellationToken cancellationToken)
        => Read(content, "XLS", static s => ExcelReaderFactory.CreateBinaryReader(s), options, cancellationToken);

    private static ContactList Read(
        byte[] content, string format, Func<Stream, IExcelDataReader> open, ContactListOptions options, CancellationToken cancellationToken)
    {
        TextDecoding.EnsureCodePages();
        try
        {
            using var reader = open(new MemoryStream(content, writable: false));
            SelectSheet(reader, options.SheetName);
            return ReadSheet(reader, options, cancellationToken);
        }
        catch (InvalidPasswordException ex)
        {
            throw new ContactValidationException("The workbook is password-protected. Remove the password in Excel, or export the contacts as CSV.", ex);
        }
        catch (Exception ex) when (IsContentProblem(ex))
        {
            throw Unreadable(format, ex);
        }
    }

    /// <summary>
    /// True for what a damaged or unusual file makes a reader throw; false for our own errors, cancellation, and faults
    /// of the process rather than of the file (a missing or mismatched assembly, out of memory), which pass unchanged.
    /// </summary>
    private static bool IsContentProblem(Exception ex)
        => ex is not ContactValidationException
            and not OperationCanceledException
            and not OutOfMemoryException
            and not TypeLoadException
            and not TypeInitializationException
            and not MissingMemberException
            and not FileLoadException
            and not FileNotFoundException
            and not BadImageFormatException;

    private static ContactValidationException Unreadable(string format, Exception ex)
    {
        var cause = ex switch
        {
            InvalidDataException => "its ZIP archive is damaged or incomplete",
            XmlException => "a part of it is not well-formed XML",
            CompoundDocumentException => "its OLE2 container is damaged or incomplete",
            HeaderException => "it does not start like an Excel workbook",
            EndOfStreamException => "it ends too early (the file is incomplete)",
            ExcelReaderException => "its content is not what an Excel workbook holds",
            _ => "its content could not be read",
        };
        return new ContactValidationException(
            $"The {format} workbook cannot be read: {cause} ({ex.GetType().Name}: {Redactor.Truncate(Redactor.Scrub(ex.Message, null), 200)}). " +
            "If Excel opens it, save it again from Excel as XLSX; otherwise export the contacts as CSV.", ex);
    }

    /// <summary>Moves <paramref name="reader"/> to the wanted sheet (results are forward-only).</summary>
    private static void SelectSheet(IExcelDataReader reader, string? name)
    {
        if (reader.ResultsCount == 0)
        {
            throw new ContactValidationException("The workbook has no worksheet. Add the contacts to a sheet, or export them as CSV.");
        }

        var names = new List<string>();
        do
        {
            names.Add(reader.Name ?? string.Empty);
            var wanted = name is null
                ? string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase)
                : string.Equals(reader.Name?.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase);
            if (wanted) return;
        }
        while (reader.NextResult());

        if (name is null)
        {
            // Every sheet is hidden: read the first, as Excel would show it once unhidden.
            reader.Reset();
            return;
        }

        throw SheetReading.UnknownSheet(name, names);
    }

    private static ContactList ReadSheet(IExcelDataReader reader, ContactListOptions options, CancellationToken cancellationToken)
    {
        ContactListBuilder? builder = null;
        string?[] cells = [];
        var rowNumber = 0;
        while (reader.Read())
        {
            if ((++rowNumber & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (builder is null)
            {
                var headers = new string?[reader.FieldCount];
                for (var i = 0; i < headers.Length; i++) headers[i] = CellText.From(reader.GetValue(i));
                if (headers.All(string.IsNullOrWhiteSpace)) continue;
                builder = new ContactListBuilder(headers, options);
                cells = new string?[builder.ColumnCount];
                builder.ExpectRows(reader.RowCount - rowNumber); // ExcelDataReader has counted the rows when it opened the sheet
                continue;
            }

            var count = Math.Min(cells.Length, reader.FieldCount);
            for (var i = 0; i < count; i++) cells[i] = CellText.From(reader.GetValue(i));
            Array.Clear(cells, count, cells.Length - count);
            builder.Add(rowNumber, cells);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (builder ?? throw SheetReading.EmptySheet(reader.Name ?? string.Empty)).Build();
    }
}
