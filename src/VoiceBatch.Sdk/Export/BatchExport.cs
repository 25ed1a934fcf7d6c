using VoiceBatch.Export;

namespace VoiceBatch;

/// <summary>
/// Writes a batch's call results — any vendor's, e.g. from <see cref="IBatchCallClient.GetCallsAsync"/> — to a CSV or
/// XLSX file, streamed: records are written as they arrive, so a batch of any size takes the same memory.
/// </summary>
/// <remarks>
/// <para><b>Columns.</b> One canonical column each, the same for every vendor: <c>id</c>, <c>phone_number</c>,
/// <c>name</c>, <c>status</c> (the <see cref="CallStatus"/> name), <c>raw_status</c>, <c>duration_seconds</c> (a
/// number), <c>recording_url</c>, <c>conversation_id</c>, <c>created_at</c>, <c>updated_at</c> (ISO 8601 in UTC,
/// e.g. <c>2026-05-01T13:04:05Z</c>), <c>transcript</c>. Then one column per variable:
/// <see cref="BatchExportOptions.VariableNames"/> when given, else every variable of the first
/// <see cref="BatchExportOptions.ColumnDiscoveryRecords"/> records (default 1,000) in order of first appearance. A
/// variable whose name another column already has (ignoring case, e.g. a sheet column <c>name</c>) is headed
/// <c>var_name</c>. Last, <c>other_variables</c>: a JSON object of every variable of the record that has no column,
/// so nothing the vendor returned is lost; empty when there is none.</para>
/// <para><b>Memory.</b> Flat in the number of records: at most <see cref="BatchExportOptions.ColumnDiscoveryRecords"/>
/// records are held (only while the columns are discovered; none when <see cref="BatchExportOptions.VariableNames"/>
/// is given), then each record is formatted into one reused buffer (CsvHelper's for CSV; about 64 KB, or the largest
/// row, for XLSX) that goes to the destination asynchronously whenever it fills. The XLSX writer keeps no document
/// model and no shared-strings table; its text cells are inline strings.</para>
/// <para><b>Formulas and phone numbers.</b> With <see cref="BatchExportOptions.EscapeFormulas"/> (the default), text
/// that a spreadsheet would run as a formula — starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage
/// return — gets a leading <c>'</c> (OWASP's advice against CSV injection), in both formats, headers included. A plain
/// signed number is not text that can run anything and is kept exactly: an E.164 number such as <c>+14155550101</c>
/// stays <c>+14155550101</c>. In XLSX it is a text cell, so Excel shows it as written and never evaluates it. In CSV it
/// is written as is, because a CSV is read back by programs (a CRM import, <see cref="ContactList.LoadAsync(string, ContactListOptions?, CancellationToken)"/>)
/// that need the exact number; Excel opening that CSV directly displays the column as numbers (dropping the
/// <c>+</c>) — use the XLSX export for people.</para>
/// <para><b>Formats.</b> CSV: UTF-8 with a byte-order mark (so Excel shows non-ASCII names right), CRLF, RFC 4180
/// quotes. XLSX: one sheet "Calls" with a bold, frozen header row; past Excel's 1,048,576 rows it continues on
/// "Calls (2)" and so on, each with the header. Characters XML cannot hold (most control characters) are written as
/// U+FFFD in XLSX.</para>
/// <para><b>Failures.</b> The stream overloads leave the stream open and, on failure or cancellation, leave what was
/// written (an incomplete file). The path overloads create or overwrite the file and delete it on failure or
/// cancellation.</para>
/// </remarks>
public static class BatchExport
{
    /// <summary>Writes the calls as CSV to <paramref name="destination"/>, which is left open.</summary>
    /// <param name="calls">The records, e.g. <c>client.GetCallsAsync(provider, batchId)</c>; enumerated once.</param>
    /// <param name="destination">A writable stream, written from its current position.</param>
    /// <param name="options">Columns and escaping; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the export (and the enumeration of <paramref name="calls"/>).</param>
    /// <returns>The number of records written (the header not counted).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calls"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable, an option is invalid, or <paramref name="calls"/> yields a null record.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<long> WriteCsvAsync(IAsyncEnumerable<CallRecord> calls, Stream destination, BatchExportOptions? options = null, CancellationToken cancellationToken = default)
        => ToStreamAsync(calls, destination, options, xlsx: false, cancellationToken);

    /// <summary>Writes the calls as a CSV file at <paramref name="path"/> (created or overwritten; deleted again if the export fails).</summary>
    /// <param name="calls">The records, e.g. <c>client.GetCallsAsync(provider, batchId)</c>; enumerated once.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="options">Columns and escaping; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the export (and the enumeration of <paramref name="calls"/>).</param>
    /// <returns>The number of records written (the header not counted).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calls"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, an option is invalid, or <paramref name="calls"/> yields a null record.</exception>
    /// <exception cref="IOException">The file cannot be created (e.g. its folder does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not write the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<long> WriteCsvAsync(IAsyncEnumerable<CallRecord> calls, string path, BatchExportOptions? options = null, CancellationToken cancellationToken = default)
        => ToFileAsync(calls, path, options, xlsx: false, cancellationToken);

    /// <summary>Writes the calls as an XLSX workbook to <paramref name="destination"/>, which is left open.</summary>
    /// <param name="calls">The records, e.g. <c>client.GetCallsAsync(provider, batchId)</c>; enumerated once.</param>
    /// <param name="destination">A writable stream, written from its current position (it need not be seekable).</param>
    /// <param name="options">Columns and escaping; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the export (and the enumeration of <paramref name="calls"/>).</param>
    /// <returns>The number of records written (the header rows not counted).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calls"/> or <paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable, an option is invalid, or <paramref name="calls"/> yields a null record.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<long> WriteXlsxAsync(IAsyncEnumerable<CallRecord> calls, Stream destination, BatchExportOptions? options = null, CancellationToken cancellationToken = default)
        => ToStreamAsync(calls, destination, options, xlsx: true, cancellationToken);

    /// <summary>Writes the calls as an XLSX workbook at <paramref name="path"/> (created or overwritten; deleted again if the export fails).</summary>
    /// <param name="calls">The records, e.g. <c>client.GetCallsAsync(provider, batchId)</c>; enumerated once.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="options">Columns and escaping; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the export (and the enumeration of <paramref name="calls"/>).</param>
    /// <returns>The number of records written (the header rows not counted).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="calls"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty, an option is invalid, or <paramref name="calls"/> yields a null record.</exception>
    /// <exception cref="IOException">The file cannot be created (e.g. its folder does not exist).</exception>
    /// <exception cref="UnauthorizedAccessException">The process may not write the file.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<long> WriteXlsxAsync(IAsyncEnumerable<CallRecord> calls, string path, BatchExportOptions? options = null, CancellationToken cancellationToken = default)
        => ToFileAsync(calls, path, options, xlsx: true, cancellationToken);

    private static Task<long> ToStreamAsync(IAsyncEnumerable<CallRecord> calls, Stream destination, BatchExportOptions? options, bool xlsx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite) throw new ArgumentException("The destination stream is not writable.", nameof(destination));
        options ??= new BatchExportOptions();
        options.Validate();
        return ExportAsync(calls, destination, options, xlsx, cancellationToken);
    }

    private static async Task<long> ToFileAsync(IAsyncEnumerable<CallRecord> calls, string path, BatchExportOptions? options, bool xlsx, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new BatchExportOptions();
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous);
        try
        {
            await using (file.ConfigureAwait(false))
            {
                return await ExportAsync(calls, file, options, xlsx, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: the original failure is the one to report.
            }
            catch (UnauthorizedAccessException)
            {
                // Likewise.
            }

            throw;
        }
    }

    private static async Task<long> ExportAsync(IAsyncEnumerable<CallRecord> calls, Stream destination, BatchExportOptions options, bool xlsx, CancellationToken cancellationToken)
    {
        var source = calls.GetAsyncEnumerator(cancellationToken);
        await using (source.ConfigureAwait(false))
        {
            var (layout, ahead, exhausted) = await ExportLayout.DiscoverAsync(source, options, cancellationToken).ConfigureAwait(false);
            using var _ = layout;
            return xlsx
                ? await WriteXlsxAsync(source, layout, ahead, exhausted, destination, options, cancellationToken).ConfigureAwait(false)
                : await WriteCsvAsync(source, layout, ahead, exhausted, destination, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> WriteCsvAsync(
        IAsyncEnumerator<CallRecord> source, ExportLayout layout, List<CallRecord> ahead, bool exhausted, Stream destination, CancellationToken cancellationToken)
    {
        var csv = new CsvExportWriter(destination);
        await using (csv.ConfigureAwait(false))
        {
            layout.WriteHeader(csv);
            await csv.EndRowAsync(cancellationToken).ConfigureAwait(false);
            long count = 0;
            for (var i = 0; i < ahead.Count; i++)
            {
                layout.Write(ahead[i], csv);
                ahead[i] = null!; // written: let it go
                await csv.EndRowAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            while (!exhausted && await source.MoveNextAsync().ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                layout.Write(source.Current ?? throw ExportLayout.NullRecord(), csv);
                await csv.EndRowAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            await csv.FlushAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }

    private static async Task<long> WriteXlsxAsync(
        IAsyncEnumerator<CallRecord> source, ExportLayout layout, List<CallRecord> ahead, bool exhausted, Stream destination, BatchExportOptions options,
        CancellationToken cancellationToken)
    {
        var xlsx = await XlsxExportWriter.CreateAsync(destination, cancellationToken).ConfigureAwait(false);
        await using (xlsx.ConfigureAwait(false))
        {
            var sheets = 1;
            await xlsx.StartSheetAsync(sheets, layout, cancellationToken).ConfigureAwait(false);
            long count = 0;
            var index = 0;
            while (true)
            {
                CallRecord call;
                if (index < ahead.Count)
                {
                    call = ahead[index];
                    ahead[index++] = null!;
                }
                else if (!exhausted && await source.MoveNextAsync().ConfigureAwait(false))
                {
                    call = source.Current ?? throw ExportLayout.NullRecord();
                }
                else
                {
                    break;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (xlsx.RowsInSheet > options.RecordsPerSheet) await xlsx.StartSheetAsync(++sheets, layout, cancellationToken).ConfigureAwait(false);
                xlsx.BeginRow();
                layout.Write(call, xlsx);
                await xlsx.EndRowAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            await xlsx.CompleteAsync(cancellationToken).ConfigureAwait(false);
            return count;
        }
    }
}
