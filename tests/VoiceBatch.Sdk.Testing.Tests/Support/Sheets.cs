using ClosedXML.Excel;

namespace VoiceBatch.Testing.Tests.Support;

/// <summary>Real workbook files in a per-test temp folder.</summary>
internal static class Sheets
{
    public static string Xlsx(string name, Action<XLWorkbook> fill)
    {
        var dir = Path.Combine(Path.GetTempPath(), "voicebatch-sim-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name);
        using var workbook = new XLWorkbook();
        fill(workbook);
        workbook.SaveAs(path);
        return path;
    }
}
