using VoiceBatch.Contacts;

namespace VoiceBatch;

public sealed partial class ContactList
{
    /// <summary>
    /// Reads and validates a contact sheet from a file: CSV (or any delimited text), XLSX or XLS. The format is
    /// decided from the content, not the name (a workbook saved as <c>contacts.csv</c> reads as a workbook).
    /// </summary>
    /// <param name="path">The file to read.</param>
    /// <param name="options">How to find the phone column and sheet, the default region and the size limits; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>
    /// The contacts: valid rows in <see cref="Contacts"/>, every bad row (empty, invalid or duplicate number) in
    /// <see cref="Errors"/> with its spreadsheet row number (the header is row 1).
    /// </returns>
    /// <remarks>
    /// <para>The size limit (<see cref="ContactListOptions.MaxBytes"/>, 10 MB by default) is checked from the file's
    /// length before it is read; there is no row limit by default (<see cref="ContactListOptions.MaxRows"/>). The file
    /// is read asynchronously into one array, then parsed in memory (no blocking I/O).</para>
    /// <para>CSV (CsvHelper 34): UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; delimiter <c>,</c>
    /// <c>;</c> tab or <c>|</c> detected outside quotes, or named by Excel's <c>sep=</c> line; RFC 4180 quotes; blank
    /// lines and trailing empty columns ignored; headers trimmed; duplicate headers refused. Workbooks
    /// (ExcelDataReader, forward-only: no document model, no OpenXml): the named or first visible sheet; numbers as
    /// invariant text (phone numbers stored as numbers become plain digits), dates as ISO 8601, formulas by their
    /// saved result. Phone numbers become E.164 (see <see cref="ContactListOptions.DefaultRegion"/>).</para>
    /// </remarks>
    /// <exception cref="ContactValidationException">
    /// The file does not exist, is empty, has only a header, is larger than the limits, is not a CSV/XLSX/XLS file,
    /// has no phone column, duplicate column names, an unknown sheet, or more rows than
    /// <see cref="ContactListOptions.MaxRows"/>. The message says what to fix; when a parser failed, its exception is
    /// the <see cref="Exception.InnerException"/>.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, or an option is invalid (e.g. an unknown region).</exception>
    /// <exception cref="IOException">The file exists but cannot be opened (e.g. locked by another program); not a problem of its content.</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not read the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ContactList> LoadAsync(string path, ContactListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new ContactListOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new ContactValidationException($"The contact file '{file.Name}' does not exist (looked for '{file.FullName}').");
        }

        if (file.Length > options.MaxBytes) throw BoundedRead.TooLarge(file.Length, options.MaxBytes);

        byte[] content;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (stream.ConfigureAwait(false))
        {
            content = await BoundedRead.ReadAllAsync(stream, options.MaxBytes, cancellationToken).ConfigureAwait(false);
        }

        return Parse(content, options, cancellationToken);
    }

    /// <summary>
    /// Reads and validates a contact sheet from a stream (CSV, XLSX or XLS, decided from the content). The stream
    /// is read from its current position to its end and is not closed.
    /// </summary>
    /// <param name="stream">The sheet's bytes, e.g. an upload.</param>
    /// <param name="options">How to find the phone column and sheet, the default region and the size limits; null for defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The contacts, as for <see cref="LoadAsync(string, ContactListOptions?, CancellationToken)"/>.</returns>
    /// <remarks>
    /// A seekable stream longer than <see cref="ContactListOptions.MaxBytes"/> is refused before reading; another
    /// stream is refused as soon as more than that many bytes have arrived.
    /// </remarks>
    /// <exception cref="ContactValidationException">As for <see cref="LoadAsync(string, ContactListOptions?, CancellationToken)"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="stream"/> cannot be read, or an option is invalid.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<ContactList> LoadAsync(Stream stream, ContactListOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead) throw new ArgumentException("The stream cannot be read.", nameof(stream));
        options ??= new ContactListOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var content = await BoundedRead.ReadAllAsync(stream, options.MaxBytes, cancellationToken).ConfigureAwait(false);
        return Parse(content, options, cancellationToken);
    }

    private static ContactList Parse(byte[] content, ContactListOptions options, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
        {
            throw new ContactValidationException("The contact file is empty (0 bytes). It needs a header row with a phone column (e.g. 'phone_number') and at least one contact.");
        }

        return SheetFormats.Detect(content) switch
        {
            SheetFormat.Xlsx => WorkbookSheetReader.ReadXlsx(content, options, cancellationToken),
            SheetFormat.Xls => WorkbookSheetReader.ReadXls(content, options, cancellationToken),
            _ => CsvSheetReader.Read(content, options, cancellationToken),
        };
    }
}
