using System.IO.Compression;

namespace VoiceBatch.Contacts;

/// <summary>
/// Checks an XLSX (a ZIP archive) before any spreadsheet library opens it, so a small file that unpacks to
/// gigabytes is refused in milliseconds and without memory growth.
/// </summary>
/// <remarks>
/// Reads only the archive's central directory (nothing is inflated) and checks the sizes it declares: their sum
/// against <see cref="ContactListOptions.MaxUncompressedBytes"/>, and any part over 1 MB compressed more than 100:1
/// (real sheets compress about 5–30:1, a bomb about 1000:1). Declared sizes cannot be used to lie: .NET's
/// <see cref="ZipArchiveEntry"/> streams, which ExcelDataReader reads through, never inflate a part beyond its declared
/// size (a test pins this). It also tells a ZIP that is not an Excel workbook (XLSB, ODS, DOCX …) from one that is.
/// </remarks>
internal static class ZipBombGuard
{
    internal const int MaxRatio = 100;
    internal const long RatioCheckFromBytes = 1024 * 1024;
    private const int MaxEntries = 10_000;

    public static void Check(byte[] content, ContactListOptions options)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException ex)
        {
            throw new ContactValidationException(
                $"The workbook cannot be read: it starts like a ZIP archive (XLSX) but the archive is damaged or incomplete ({ex.Message}). " +
                "If Excel opens it, save it again from Excel as XLSX; otherwise export the contacts as CSV.", ex);
        }

        using (archive)
        {
            var entries = archive.Entries;
            if (entries.Count > MaxEntries) throw Unreadable($"the archive has {entries.Count:N0} parts");
            RefuseNonWorkbook(entries);

            long declared = 0;
            foreach (var entry in entries)
            {
                declared += entry.Length;
                if (declared > options.MaxUncompressedBytes) throw TooBig(options);
                if (entry.Length > RatioCheckFromBytes && entry.Length > MaxRatio * Math.Max(1, entry.CompressedLength))
                {
                    throw new ContactValidationException(
                        $"The workbook is refused: its part '{entry.FullName}' expands {entry.Length / Math.Max(1, entry.CompressedLength):N0} times " +
                        $"(more than {MaxRatio}:1), which is how a zip bomb looks, not a contact sheet. Save the sheet again from Excel or export it as CSV.");
                }
            }
        }
    }

    private static void RefuseNonWorkbook(IReadOnlyCollection<ZipArchiveEntry> entries)
    {
        bool Has(string name) => entries.Any(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));
        if (Has("xl/workbook.xml")) return;
        var kind = Has("xl/workbook.bin") ? "an Excel binary workbook (XLSB), which is not supported"
            : Has("content.xml") ? "an OpenDocument file (ODS), which is not supported"
            : Has("word/document.xml") ? "a Word document"
            : "a ZIP archive without an Excel workbook inside";
        throw new ContactValidationException($"The contact file is {kind}. Save the sheet as XLSX or CSV.");
    }

    private static ContactValidationException TooBig(ContactListOptions options)
        => new($"The workbook unpacks to more than {BoundedRead.Megabytes(options.MaxUncompressedBytes)} (ContactListOptions.MaxUncompressedBytes). " +
               "Remove unused sheets, images and formatting, or export the contacts as CSV.");

    private static ContactValidationException Unreadable(string why)
        => new($"The workbook cannot be read: {why}. Open it in Excel and save it again, or export it as CSV.");
}
