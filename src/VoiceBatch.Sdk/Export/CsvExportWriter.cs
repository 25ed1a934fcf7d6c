using CsvHelper;

namespace VoiceBatch.Export;

/// <summary>
/// Writes the results as CSV with CsvHelper 34's RFC 4180 writer: UTF-8 with a byte-order mark (so Excel shows
/// non-ASCII names right), CRLF line ends, quotes where needed. Formula escaping is <see cref="FormulaGuard"/>'s
/// (the same rule as the XLSX export), so CsvHelper's own injection handling is off.
/// </summary>
internal sealed class CsvExportWriter : ICellWriter, IAsyncDisposable
{
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.None,
    };

    private readonly CsvWriter _csv;

    public CsvExportWriter(Stream destination) => _csv = CsvWriter.Create(destination, Options, leaveOpen: true);

    public void Text(ReadOnlySpan<char> value, bool escape)
    {
        if (escape) _csv.WriteField(string.Concat("'", value));
        else _csv.WriteField(value);
    }

    public void Number(double value) => _csv.WriteField(value);

    public void Empty() => _csv.WriteField(ReadOnlySpan<char>.Empty);

    /// <summary>Ends the row; the buffer goes to the destination asynchronously when it is mostly full.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken) => _csv.EndRecordAsync(cancellationToken);

    public ValueTask FlushAsync(CancellationToken cancellationToken) => _csv.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
