using System.Text.Json;
using ClosedXML.Excel;
using VoiceBatch.Cli.Tests.Support;

namespace VoiceBatch.Cli.Tests;

/// <summary><c>export</c> writes every call of a batch with the SDK's BatchExport, in the format the file's name says.</summary>
public sealed class ExportTests
{
    [Test]
    public async Task A_csv_export_has_a_header_and_one_line_per_call_with_numbers_as_written()
    {
        using var folder = new TempFolder();
        var id = await JsonOutputTests.DemoBatchIdAsync("voiceai");

        var result = await Tool.Run("export", id, "-o", folder.File("results.csv"), "--simulate", "-p", "voiceai", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetProperty("records").GetInt64(), Is.EqualTo(8));
        Assert.That(json.RootElement.GetProperty("format").GetString(), Is.EqualTo("csv"));
        var lines = File.ReadAllLines(folder.File("results.csv"));
        Assert.That(lines, Has.Length.EqualTo(9));
        Assert.That(lines[0], Does.Contain("phone_number").And.Contain("status"));
        Assert.That(lines.Skip(1), Has.Some.Contains("+14155550101"));
    }

    [Test]
    public async Task An_xlsx_export_opens_in_a_spreadsheet_library_with_one_row_per_call()
    {
        using var folder = new TempFolder();
        var id = await JsonOutputTests.DemoBatchIdAsync("dialnexa");

        var result = await Tool.Run("export", id, "--output", folder.File("results.xlsx"), "--simulate", "-p", "dialnexa");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("Wrote 8 calls to"));
        using var workbook = new XLWorkbook(folder.File("results.xlsx"));
        var sheet = workbook.Worksheets.First();
        Assert.That(sheet.LastRowUsed()!.RowNumber(), Is.EqualTo(9));
        Assert.That(sheet.Column(2).CellsUsed().Skip(1).Select(c => c.GetString()), Does.Contain("+14155550101"), "an E.164 number stays text");
    }

    [Test]
    public async Task The_format_can_be_named_when_the_file_name_does_not_say()
    {
        using var folder = new TempFolder();
        var id = await JsonOutputTests.DemoBatchIdAsync("dialnexa");

        var unnamed = await Tool.Run("export", id, "-o", folder.File("results.out"), "--simulate", "-p", "dialnexa");
        var named = await Tool.Run("export", id, "-o", folder.File("results.out"), "--format", "csv", "--simulate", "-p", "dialnexa");

        Assert.That(unnamed.ExitCode, Is.EqualTo(2), unnamed.ToString());
        Assert.That(unnamed.Error, Does.Contain("--format"));
        Assert.That(named.ExitCode, Is.Zero, named.ToString());
        Assert.That(File.ReadAllLines(folder.File("results.out")), Has.Length.EqualTo(9));
    }

    [Test]
    public async Task A_folder_that_does_not_exist_is_bad_input_and_leaves_nothing()
    {
        using var folder = new TempFolder();
        var id = await JsonOutputTests.DemoBatchIdAsync("dialnexa");
        var path = Path.Combine(folder.Path, "missing", "results.csv");

        var result = await Tool.Run("export", id, "-o", path, "--simulate", "-p", "dialnexa");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public async Task A_batch_the_vendor_does_not_have_exits_3_and_leaves_no_file()
    {
        using var folder = new TempFolder();

        var result = await Tool.Run("export", "bat_nosuchbatch", "-o", folder.File("results.csv"), "--simulate", "-p", "dialnexa");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(File.Exists(folder.File("results.csv")), Is.False, "the partial file is deleted");
    }
}
