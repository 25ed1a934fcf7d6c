using ClosedXML.Excel;

namespace VoiceBatch.Cli.Tests.Support;

/// <summary>A folder of real files for one test: contact sheets, appsettings.json, a user-secrets file.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "voicebatch-cli-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Text(string name, string content)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    /// <summary>A CSV of <paramref name="lines"/> (already comma-separated).</summary>
    public string Csv(string name, params string[] lines) => Text(name, string.Join("\r\n", lines) + "\r\n");

    /// <summary>An XLSX written by ClosedXML with one sheet; a value that parses as a whole number is stored as a number
    /// cell, as spreadsheets store phone numbers typed without '+'.</summary>
    public string Xlsx(string name, string sheet, params string[][] rows)
    {
        var path = File(name);
        using var workbook = new XLWorkbook();
        var worksheet = workbook.AddWorksheet(sheet);
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = worksheet.Cell(r + 1, c + 1);
                if (long.TryParse(rows[r][c], out var number)) cell.SetValue(number);
                else cell.SetValue<string>(rows[r][c]);
            }
        }

        workbook.SaveAs(path);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the system.
        }
    }
}
