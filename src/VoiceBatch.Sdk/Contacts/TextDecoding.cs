using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace VoiceBatch.Contacts;

/// <summary>
/// Decides how the bytes of a text contact file are to be read, the way a person saved them, and refuses what is not
/// a sheet. A byte-order mark decides (UTF-8, UTF-16 LE, UTF-16 BE; CsvHelper honours it itself); without one, UTF-8
/// when the bytes are valid UTF-8, else Windows-1252 (what Excel on Windows writes for "CSV"). Binary data (NUL
/// bytes, or control characters in more than 1 % of the text) and HTML/XML pages are refused rather than read as a
/// sheet of garbage.
/// </summary>
/// <remarks>
/// UTF-8 input, the common case, is checked in place without decoding (vectorised scans); only UTF-16 files and the
/// rare control character cost a decode.
/// </remarks>
internal static class TextDecoding
{
    private static readonly UnicodeEncoding Utf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding Utf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    // C0 controls other than tab, LF, VT, FF and CR; DEL. (U+0000 is refused before.)
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    // Bytes Windows-1252 leaves undefined, which decode to C1 control characters.
    private static readonly SearchValues<byte> Windows1252Controls = SearchValues.Create([0x81, 0x8D, 0x8F, 0x90, 0x9D]);

    static TextDecoding() => EnsureCodePages();

    /// <summary>Makes code pages such as Windows-1252 available (needed by this class and by ExcelDataReader). Idempotent.</summary>
    public static void EnsureCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The Windows-1252 ("ANSI") encoding.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>
    /// Checks that <paramref name="content"/> is a text sheet and returns the encoding to read it with: null when it
    /// is UTF-8 or starts with a byte-order mark (the reader then decides from the mark), else Windows-1252.
    /// </summary>
    /// <exception cref="ContactValidationException">The bytes are not text, or are a web page rather than a sheet.</exception>
    public static Encoding? Inspect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            RefuseText(DecodeOrRefuse(Utf16Le, content[2..]));
            return null;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            RefuseText(DecodeOrRefuse(Utf16Be, content[2..]));
            return null;
        }

        var hasBom = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var body = hasBom ? content[3..] : content;
        if (body.Contains((byte)0))
        {
            throw hasBom
                ? NotText("it contains binary data")
                : NotText("it contains NUL bytes. If it is UTF-16 text, save it as UTF-8 (or UTF-16 with a byte-order mark)");
        }

        // A UTF-8 BOM is trusted (invalid sequences then read as U+FFFD); without one, invalid UTF-8 means ANSI.
        var utf8 = hasBom || Utf8.IsValid(body);
        var controls = Count(body, ControlBytes) + (utf8 ? CountUtf8C1(body) : Count(body, Windows1252Controls));
        if (controls > 0)
        {
            var length = utf8 ? Encoding.UTF8.GetCharCount(body) : body.Length;
            if (controls > length / 100) throw NotText("it contains binary data");
        }

        if (body.TrimStart(" \t\r\n\f\v"u8).StartsWith("<"u8)) throw Markup();
        return utf8 ? null : Windows1252;
    }

    private static string DecodeOrRefuse(Encoding encoding, ReadOnlySpan<byte> content)
    {
        try
        {
            return encoding.GetString(content);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ContactValidationException(
                $"The contact file is not a CSV, XLSX or XLS file: it starts with a UTF-16 byte-order mark but is not valid UTF-16 ({ex.Message}). " +
                "Save it from Excel or Google Sheets as CSV (UTF-8) or XLSX.", ex);
        }
    }

    private static void RefuseText(string text)
    {
        // Real sheets hold tabs and line breaks; a stray control character is tolerated, binary data is not
        // (about one byte in eight of random data is a C0 control).
        var controls = 0;
        foreach (var c in text)
        {
            if (c is '\0' || (char.IsControl(c) && c is not '\t' and not '\r' and not '\n' and not '\f' and not '\v'))
            {
                if (c is '\0' || ++controls > text.Length / 100) throw NotText("it contains binary data");
            }
        }

        if (text.AsSpan().TrimStart().StartsWith('<')) throw Markup();
    }

    private static int Count(ReadOnlySpan<byte> bytes, SearchValues<byte> values)
    {
        var count = 0;
        int index;
        while ((index = bytes.IndexOfAny(values)) >= 0)
        {
            count++;
            bytes = bytes[(index + 1)..];
        }

        return count;
    }

    /// <summary>C1 control characters (U+0080–U+009F) in UTF-8: the byte C2 followed by 80–9F.</summary>
    private static int CountUtf8C1(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        int index;
        while ((index = bytes.IndexOf((byte)0xC2)) >= 0)
        {
            if (index + 1 < bytes.Length && bytes[index + 1] is >= 0x80 and <= 0x9F) count++;
            bytes = bytes[(index + 1)..];
        }

        return count;
    }

    private static ContactValidationException Markup()
        // Web apps often export an HTML table (or Excel 2003 XML) named .xls; reading it as CSV gives nonsense.
        => new("The contact file is HTML or XML, not a CSV, XLSX or XLS file (some tools export a web page named .xls). Open it in Excel and save it as XLSX or CSV.");

    private static ContactValidationException NotText(string why)
        => new($"The contact file is not a CSV, XLSX or XLS file: {why}. Save it from Excel or Google Sheets as CSV (UTF-8) or XLSX.");
}
