using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;

namespace VoiceBatch.Tests.Contacts;

/// <summary>Writes real contact files into a temporary folder with the libraries people's tools use.</summary>
internal sealed class SheetFiles : IDisposable
{
    static SheetFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public SheetFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "voicebatch-contacts-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    public string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>
    /// A CSV written by CsvHelper 34's writer (quotes where needed, and around values with spaces at either end, as
    /// spreadsheet tools do) in the given encoding (its BOM, if any, included).
    /// </summary>
    public string Csv(string name, IEnumerable<string[]> rows, Encoding? encoding = null, string delimiter = ",", string newLine = "\r\n")
    {
        var path = PathOf(name);
        var options = new CsvWriterOptions
        {
            Separator = delimiter.Single(),
            NewLine = newLine,
            Quoting = CsvQuoting.WhenNeededOrWhitespace,
            ValidateFieldCount = false,
        };
        using var writer = new StreamWriter(path, append: false, encoding ?? new UTF8Encoding(false));
        using var csv = CsvWriter.Create(writer, options);
        foreach (var row in rows)
        {
            foreach (var field in row) csv.WriteField(field);
            csv.EndRecord();
        }

        return path;
    }

    /// <summary>A file with exactly these bytes.</summary>
    public string Bytes(string name, byte[] content)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>An XLSX written by ClosedXML; <paramref name="fill"/> adds the sheets. Formula results are saved.</summary>
    public string Xlsx(string name, Action<XLWorkbook> fill)
    {
        var path = PathOf(name);
        using var workbook = new XLWorkbook();
        fill(workbook);
        workbook.SaveAs(path, new SaveOptions { EvaluateFormulasBeforeSaving = true });
        return path;
    }

    /// <summary>An XLSX with one sheet "Contacts" holding <paramref name="rows"/> as text cells.</summary>
    public string XlsxText(string name, IEnumerable<string[]> rows)
        => Xlsx(name, wb =>
        {
            var sheet = wb.AddWorksheet("Contacts");
            var r = 1;
            foreach (var row in rows)
            {
                for (var c = 0; c < row.Length; c++) sheet.Cell(r, c + 1).SetValue<string>(row[c]);
                r++;
            }
        });

    /// <summary>An Excel 97-2003 workbook written by NPOI's HSSF.</summary>
    public string Xls(string name, Action<HSSFWorkbook> fill)
    {
        var path = PathOf(name);
        var workbook = new HSSFWorkbook();
        fill(workbook);
        using var stream = File.Create(path);
        workbook.Write(stream);
        return path;
    }

    public static void SetRow(ISheet sheet, int rowIndex, params object[] values)
    {
        var row = sheet.CreateRow(rowIndex);
        for (var i = 0; i < values.Length; i++)
        {
            var cell = row.CreateCell(i);
            switch (values[i])
            {
                case string s: cell.SetCellValue(s); break;
                case double d: cell.SetCellValue(d); break;
                case bool b: cell.SetCellValue(b); break;
                case DateTime dt: cell.SetCellValue(dt); break;
                default: throw new ArgumentException("unsupported cell value", nameof(values));
            }
        }
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a failed test; the temp folder is cleaned by the OS.
        }
    }
}
