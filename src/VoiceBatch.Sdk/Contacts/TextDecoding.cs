using System.Text;

namespace VoiceBatch.Contacts;

/// <summary>
/// Turns the bytes of a text contact file into text, the way a person saved it: a byte-order mark decides
/// (UTF-8, UTF-16 LE, UTF-16 BE); without one, UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel
/// on Windows writes for "CSV"). Binary data (NUL bytes, or control characters in more than 1 % of the text) is
/// refused rather than read as a sheet of garbage.
/// </summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly UnicodeEncoding Utf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding Utf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    static TextDecoding() => EnsureCodePages();

    /// <summary>Makes code pages such as Windows-1252 available (needed by this class and by ExcelDataReader). Idempotent.</summary>
    public static void EnsureCodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="content"/>; refuses binary data.</summary>
    /// <exception cref="ContactValidationException">The bytes are not text.</exception>
    public static string Decode(ReadOnlySpan<byte> content)
    {
        string text;
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = LenientUtf8.GetString(content[3..]);
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            text = DecodeOrRefuse(Utf16Le, content[2..], "UTF-16");
        }
        else if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            text = DecodeOrRefuse(Utf16Be, content[2..], "UTF-16");
        }
        else if (content.Contains((byte)0))
        {
            throw NotText("it contains NUL bytes. If it is UTF-16 text, save it as UTF-8 (or UTF-16 with a byte-order mark)");
        }
        else
        {
            try
            {
                text = StrictUtf8.GetString(content);
            }
            catch (DecoderFallbackException)
            {
                text = Encoding.GetEncoding(1252).GetString(content);
            }
        }

        RefuseControlCharacters(text);
        return text;
    }

    private static string DecodeOrRefuse(Encoding encoding, ReadOnlySpan<byte> content, string name)
    {
        try
        {
            return encoding.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw NotText($"it starts with a {name} byte-order mark but is not valid {name}");
        }
    }

    private static void RefuseControlCharacters(string text)
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
    }

    private static ContactValidationException NotText(string why)
        => new($"The contact file is not a CSV, XLSX or XLS file: {why}. Save it from Excel or Google Sheets as CSV (UTF-8) or XLSX.");
}
