using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Unicode;

namespace VoiceBatch.Export;

/// <summary>
/// A small forward-only XLSX writer: a ZIP archive (System.IO.Compression, async) holding one or more worksheets of
/// inline-string and number cells, written row by row. No document model and no shared-strings table are built, so
/// memory is one buffer (about 64 KB, or the largest row) whatever the number of rows; the buffer goes to the sheet's
/// ZIP entry asynchronously between rows. Text cells are inline strings (<c>t="inlineStr"</c>), which Excel shows as
/// text and never evaluates.
/// </summary>
/// <remarks>
/// XML 1.0 cannot hold most control characters: they are written as U+FFFD (as are unpaired surrogates); a carriage
/// return is written as <c>&amp;#13;</c> so it survives XML's line-end normalisation.
/// </remarks>
internal sealed class XlsxStreamWriter : IAsyncDisposable
{
    private const int FlushThreshold = 48 * 1024;

    private static readonly byte[] SheetStart = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>" +
        "<sheetFormatPr defaultRowHeight=\"15\"/>");

    private readonly ZipArchive _archive;
    private readonly List<string> _sheetNames = [];
    private readonly List<byte[]> _columnNames = [];
    private Stream? _sheet;
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private int _row;
    private int _column;

    private XlsxStreamWriter(ZipArchive archive) => _archive = archive;

    /// <summary>Rows written to the current sheet, the header included.</summary>
    public int RowsInSheet => _row;

    public static async Task<XlsxStreamWriter> CreateAsync(Stream destination, CancellationToken cancellationToken)
    {
        var archive = await ZipArchive.CreateAsync(destination, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken)
            .ConfigureAwait(false);
        return new XlsxStreamWriter(archive);
    }

    /// <summary>Ends the current sheet, if any, and starts a new one of <paramref name="columns"/> columns.</summary>
    public async ValueTask StartSheetAsync(string name, int columns, double columnWidth, CancellationToken cancellationToken)
    {
        await EndSheetAsync(cancellationToken).ConfigureAwait(false);
        _sheetNames.Add(name);
        var entry = _archive.CreateEntry($"xl/worksheets/sheet{_sheetNames.Count}.xml", CompressionLevel.Fastest);
        _sheet = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        _row = 0;
        Raw(SheetStart);
        if (columns > 0)
        {
            Raw(string.Create(CultureInfo.InvariantCulture, $"<cols><col min=\"1\" max=\"{columns}\" width=\"{columnWidth}\" customWidth=\"1\"/></cols>"));
        }

        Raw("<sheetData>"u8);
    }

    public void BeginRow()
    {
        _row++;
        _column = 0;
        Raw("<row r=\""u8);
        Integer(_row);
        Raw("\">"u8);
    }

    /// <summary>Ends the row; the buffer goes to the sheet asynchronously once it holds enough.</summary>
    public ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        Raw("</row>"u8);
        return _length >= FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;
    }

    /// <summary>An inline-string cell; <paramref name="prefix"/> (e.g. <c>'</c>) is written before the text.</summary>
    public void Text(ReadOnlySpan<char> text, ReadOnlySpan<char> prefix = default, int style = 0)
    {
        if (text.IsEmpty && prefix.IsEmpty)
        {
            Skip();
            return;
        }

        CellStart(style);
        Raw(" t=\"inlineStr\"><is><t"u8);
        var first = prefix.IsEmpty ? text[0] : prefix[0];
        var last = text.IsEmpty ? prefix[^1] : text[^1];
        if (char.IsWhiteSpace(first) || char.IsWhiteSpace(last)) Raw(" xml:space=\"preserve\""u8);
        Raw(">"u8);
        Escaped(prefix);
        Escaped(text);
        Raw("</t></is></c>"u8);
    }

    /// <summary>A number cell (a non-finite number leaves the cell empty: XLSX cannot hold it).</summary>
    public void Number(double value)
    {
        if (!double.IsFinite(value))
        {
            Skip();
            return;
        }

        CellStart(0);
        Raw("><v>"u8);
        Ensure(32);
        value.TryFormat(_buffer.AsSpan(_length), out var written, "R", CultureInfo.InvariantCulture);
        _length += written;
        Raw("</v></c>"u8);
    }

    /// <summary>Leaves the next cell empty.</summary>
    public void Skip() => _column++;

    /// <summary>Ends the last sheet and writes the workbook's other parts; the archive is complete after <see cref="DisposeAsync"/>.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        await EndSheetAsync(cancellationToken).ConfigureAwait(false);
        await PartAsync("xl/workbook.xml", Workbook(), cancellationToken).ConfigureAwait(false);
        await PartAsync("xl/_rels/workbook.xml.rels", WorkbookRelationships(), cancellationToken).ConfigureAwait(false);
        await PartAsync("xl/styles.xml", Styles, cancellationToken).ConfigureAwait(false);
        await PartAsync("_rels/.rels", PackageRelationships, cancellationToken).ConfigureAwait(false);
        await PartAsync("[Content_Types].xml", ContentTypes(), cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sheet is not null) await _sheet.DisposeAsync().ConfigureAwait(false);
        await _archive.DisposeAsync().ConfigureAwait(false);
    }

    private async ValueTask EndSheetAsync(CancellationToken cancellationToken)
    {
        if (_sheet is null) return;
        Raw("</sheetData></worksheet>"u8);
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await _sheet.DisposeAsync().ConfigureAwait(false);
        _sheet = null;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_length == 0) return;
        await _sheet!.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        _length = 0;
    }

    private async ValueTask PartAsync(string name, string xml, CancellationToken cancellationToken)
    {
        var part = await _archive.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (part.ConfigureAwait(false))
        {
            await part.WriteAsync(Encoding.UTF8.GetBytes(xml), cancellationToken).ConfigureAwait(false);
        }
    }

    private void CellStart(int style)
    {
        Raw("<c r=\""u8);
        Raw(ColumnName(_column++));
        Integer(_row);
        Raw("\""u8);
        if (style != 0)
        {
            Raw(" s=\""u8);
            Integer(style);
            Raw("\""u8);
        }
    }

    private byte[] ColumnName(int index)
    {
        while (_columnNames.Count <= index)
        {
            var name = new StringBuilder();
            for (var n = _columnNames.Count + 1; n > 0; n = (n - 1) / 26) name.Insert(0, (char)('A' + ((n - 1) % 26)));
            _columnNames.Add(Encoding.ASCII.GetBytes(name.ToString()));
        }

        return _columnNames[index];
    }

    private void Integer(int value)
    {
        Ensure(11);
        value.TryFormat(_buffer.AsSpan(_length), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Raw(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Raw(string ascii)
    {
        Ensure(ascii.Length);
        _length += Encoding.UTF8.GetBytes(ascii, _buffer.AsSpan(_length));
    }

    /// <summary>Writes text as XML character data, UTF-8 encoded.</summary>
    private void Escaped(ReadOnlySpan<char> text)
    {
        Ensure(text.Length * 5); // "&amp;" and "&#13;" are the longest forms of one char; UTF-8 needs at most 3 bytes a char
        while (!text.IsEmpty)
        {
            var special = text.IndexOfAny(XmlText.Special);
            var run = special < 0 ? text : text[..special];
            if (!run.IsEmpty)
            {
                Utf8.FromUtf16(run, _buffer.AsSpan(_length), out _, out var written, replaceInvalidSequences: true);
                _length += written;
            }

            if (special < 0) break;
            Raw(text[special] switch
            {
                '&' => "&amp;"u8,
                '<' => "&lt;"u8,
                '>' => "&gt;"u8,
                '\r' => "&#13;"u8,
                _ => "\uFFFD"u8,
            });
            text = text[(special + 1)..];
        }
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
    }

    private string Workbook()
    {
        var sheets = new StringBuilder();
        for (var i = 0; i < _sheetNames.Count; i++)
        {
            sheets.Append(CultureInfo.InvariantCulture, $"<sheet name=\"{System.Security.SecurityElement.Escape(_sheetNames[i])}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>");
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
               "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">" +
               $"<sheets>{sheets}</sheets></workbook>";
    }

    private string WorkbookRelationships()
    {
        var relationships = new StringBuilder();
        for (var i = 1; i <= _sheetNames.Count; i++)
        {
            relationships.Append(CultureInfo.InvariantCulture,
                $"<Relationship Id=\"rId{i}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i}.xml\"/>");
        }

        relationships.Append(CultureInfo.InvariantCulture,
            $"<Relationship Id=\"rId{_sheetNames.Count + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>");
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
               $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{relationships}</Relationships>";
    }

    private string ContentTypes()
    {
        var sheets = new StringBuilder();
        for (var i = 1; i <= _sheetNames.Count; i++)
        {
            sheets.Append(CultureInfo.InvariantCulture,
                $"<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }

        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
               "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
               "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
               "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
               "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>" +
               "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" +
               $"{sheets}</Types>";
    }

    private const string PackageRelationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>" +
        "</Relationships>";

    /// <summary>Style 0: normal; style 1: bold (the header row).</summary>
    private const string Styles =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" +
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
        "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>" +
        "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>" +
        "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>" +
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>" +
        "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>" +
        "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>" +
        "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>" +
        "</styleSheet>";
}

/// <summary>The characters that XML character data cannot hold as they are.</summary>
internal static class XmlText
{
    public static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(
        "&<>\r\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");
}
