using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace VoiceBatch.Benchmarks.Infrastructure;

/// <summary>
/// The sheets the benchmarks read, generated once into a folder (benchmarks/run passes it in
/// <c>VOICEBATCH_BENCH_DATA</c>; without it a temp folder is used and reused). Deterministic: the same files every run.
/// </summary>
public static class BenchmarkData
{
    public const int CsvRows = 200_000;
    public const int XlsxRows = 50_000;
    public const long LargeXlsxBytes = 10L * 1024 * 1024;

    private static readonly string[] Cities = ["Austin", "Boston", "Chicago", "Denver", "Houston", "Miami", "New York", "Phoenix", "San José", "Seattle"];
    private static readonly string[] Plans = ["gold", "silver", "bronze"];

    // Area codes in service, so the numbers are valid ones that libphonenumber accepts.
    private static readonly int[] AreaCodes = [201, 212, 213, 305, 312, 347, 415, 503, 512, 617, 646, 702, 713, 718, 773, 786, 818, 917, 949, 972];

    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("VOICEBATCH_BENCH_DATA");
            if (string.IsNullOrEmpty(folder)) folder = Path.Combine(Path.GetTempPath(), "voicebatch-bench-data");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static string CsvPath => Ensure("contacts-200k.csv", WriteCsv);

    public static string XlsxPath => Ensure("contacts-50k.xlsx", p => WriteXlsx(p, XlsxRows));

    public static string LargeXlsxPath => Ensure("contacts-10mb.xlsx", WriteLargeXlsx);

    /// <summary>Creates every file now (benchmarks/run does this once, before any benchmark runs).</summary>
    public static void GenerateAll()
    {
        foreach (var path in new[] { CsvPath, XlsxPath, LargeXlsxPath })
        {
            Console.WriteLine($"{path}: {new FileInfo(path).Length / (1024.0 * 1024.0):0.0} MiB");
        }
    }

    /// <summary>Row <paramref name="i"/>'s phone number: E.164, unique per row, every 100th one invalid (too short).</summary>
    public static string Phone(int i)
    {
        if (i % 100 == 99) return $"+1415555{i % 1000:000}";
        var area = AreaCodes[i % AreaCodes.Length];
        var rest = i / AreaCodes.Length; // < 10^7 / 20 for any sheet here
        return string.Create(CultureInfo.InvariantCulture, $"+1{area}{200 + (rest / 10_000 % 800)}{rest % 10_000:0000}");
    }

    private static string Ensure(string name, Action<string> write)
    {
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            var temp = path + ".tmp";
            write(temp);
            File.Move(temp, path, overwrite: true);
        }

        return path;
    }

    private static void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("phone_number,name,city,plan,balance\n");
        for (var i = 0; i < CsvRows; i++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{Phone(i)},Person {i:000000},{Cities[i % Cities.Length]},{Plans[i % Plans.Length]},{i % 100_000 / 100.0:0.00}\n"));
        }
    }

    private static void WriteLargeXlsx(string path)
    {
        // Just under the 10 MB MaxBytes default (about 27 bytes a row compressed): adjust the row count until it fits.
        var rows = 380_000;
        while (true)
        {
            WriteXlsx(path, rows);
            var length = new FileInfo(path).Length;
            if (length <= LargeXlsxBytes && length >= LargeXlsxBytes * 0.97) return;
            rows = (int)(rows * (LargeXlsxBytes * 0.985 / length));
        }
    }

    /// <summary>
    /// An XLSX as Excel saves a pasted contact list: phone numbers and balances as number cells, text in the
    /// shared-strings table. Written by hand (ZIP + XML) so the benchmarks need no spreadsheet library.
    /// </summary>
    public static void WriteXlsx(string path, int rows)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string name, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(xml);
        }

        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Contacts" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");

        // Shared strings: the 4 headers, the cities, the plans, then one name per row.
        var strings = new List<string> { "phone_number", "name", "city", "plan", "balance" };
        strings.AddRange(Cities);
        strings.AddRange(Plans);
        var firstName = strings.Count;
        using (var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false)))
        {
            writer.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{strings.Count + rows}" uniqueCount="{strings.Count + rows}">""");
            foreach (var s in strings) writer.Write($"<si><t>{s}</t></si>");
            for (var i = 0; i < rows; i++) writer.Write(string.Create(CultureInfo.InvariantCulture, $"<si><t>Person {i:000000}</t></si>"));
            writer.Write("</sst>");
        }

        using (var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open(), new UTF8Encoding(false), 1 << 16))
        {
            writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            writer.Write("""<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c></row>""");
            for (var i = 0; i < rows; i++)
            {
                var r = i + 2;
                var phone = Phone(i)[1..]; // a number cell: the '+' is gone, as when Excel reads a pasted column
                writer.Write(string.Create(CultureInfo.InvariantCulture,
                    $"""<row r="{r}"><c r="A{r}"><v>{phone}</v></c><c r="B{r}" t="s"><v>{firstName + i}</v></c><c r="C{r}" t="s"><v>{5 + (i % Cities.Length)}</v></c><c r="D{r}" t="s"><v>{5 + Cities.Length + (i % Plans.Length)}</v></c><c r="E{r}"><v>{i % 100_000 / 100.0}</v></c></row>"""));
            }

            writer.Write("</sheetData></worksheet>");
        }
    }
}
