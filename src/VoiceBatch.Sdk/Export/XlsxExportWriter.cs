namespace VoiceBatch.Export;

/// <summary>The results as XLSX: <see cref="ExportLayout"/>'s cells on <see cref="XlsxStreamWriter"/>, a bold header row.</summary>
internal sealed class XlsxExportWriter : ICellWriter, IAsyncDisposable
{
    internal const string SheetName = "Calls";
    private const double ColumnWidth = 18;

    private readonly XlsxStreamWriter _xlsx;
    private int _style;

    private XlsxExportWriter(XlsxStreamWriter xlsx) => _xlsx = xlsx;

    public static async Task<XlsxExportWriter> CreateAsync(Stream destination, CancellationToken cancellationToken)
        => new(await XlsxStreamWriter.CreateAsync(destination, cancellationToken).ConfigureAwait(false));

    /// <summary>Rows of the current sheet, its header included.</summary>
    public int RowsInSheet => _xlsx.RowsInSheet;

    /// <summary>Starts sheet <paramref name="number"/> ("Calls", then "Calls (2)" …) with its header row.</summary>
    public async ValueTask StartSheetAsync(int number, ExportLayout layout, CancellationToken cancellationToken)
    {
        await _xlsx.StartSheetAsync(number == 1 ? SheetName : $"{SheetName} ({number})", layout.Headers.Count, ColumnWidth, cancellationToken)
            .ConfigureAwait(false);
        _xlsx.BeginRow();
        _style = 1;
        layout.WriteHeader(this);
        _style = 0;
        await _xlsx.EndRowAsync(cancellationToken).ConfigureAwait(false);
    }

    public void BeginRow() => _xlsx.BeginRow();

    public ValueTask EndRowAsync(CancellationToken cancellationToken) => _xlsx.EndRowAsync(cancellationToken);

    public void Text(ReadOnlySpan<char> value, bool escape) => _xlsx.Text(value, escape ? "'" : default, _style);

    public void Number(double value) => _xlsx.Number(value);

    public void Empty() => _xlsx.Skip();

    public ValueTask CompleteAsync(CancellationToken cancellationToken) => _xlsx.CompleteAsync(cancellationToken);

    public ValueTask DisposeAsync() => _xlsx.DisposeAsync();
}
