namespace VoiceBatch.Contacts;

/// <summary>The kind of contact file, decided from its first bytes (never from its name).</summary>
internal enum SheetFormat
{
    /// <summary>Anything else: read as delimited text.</summary>
    Text,

    /// <summary>A ZIP archive (<c>PK\x03\x04</c>): an Office Open XML workbook.</summary>
    Xlsx,

    /// <summary>An OLE2 compound document (<c>D0 CF 11 E0 A1 B1 1A E1</c>): a BIFF workbook (Excel 97–2003).</summary>
    Xls,
}

/// <summary>Recognises a contact file's format by its signature.</summary>
internal static class SheetFormats
{
    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> Ole2Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The format of <paramref name="content"/>: by signature, text when none matches.</summary>
    public static SheetFormat Detect(ReadOnlySpan<byte> content)
        => content.StartsWith(ZipSignature) ? SheetFormat.Xlsx
            : content.StartsWith(Ole2Signature) ? SheetFormat.Xls
            : SheetFormat.Text;
}
