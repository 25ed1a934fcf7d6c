using System.Text.Json;
using VoiceBatch.Cli.Tests.Support;

namespace VoiceBatch.Cli.Tests;

/// <summary><c>validate</c> on real CSV and XLSX files: no key, nothing sent, every refused row by its sheet row number.</summary>
public sealed class ValidateTests
{
    [Test]
    public async Task A_good_csv_exits_0_and_names_its_phone_column_and_variables()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "name,Mobile,city", "Ada,+14155550101,SF", "Grace,+14155550102,LA");

        var result = await Tool.Run("validate", sheet);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Out, Does.Contain("leads.csv: 2 rows, 2 ready to call, 0 refused (0 duplicates)"));
        Assert.That(result.Out, Does.Contain("Phone column: Mobile"));
        Assert.That(result.Out, Does.Contain("Variables: name, city"));
    }

    [Test]
    public async Task An_xlsx_with_bad_rows_reports_each_by_its_sheet_row_and_counts_duplicates()
    {
        using var folder = new TempFolder();
        var sheet = folder.Xlsx("leads.xlsx", "Leads",
            ["customer_name", "contact_number", "plan"],
            ["Ada", "14155550101", "gold"],          // a number cell, as spreadsheets keep numbers typed without '+'
            ["Grace", "+1 (415) 555-0102", "silver"],
            ["Ada again", "+14155550101", "gold"],   // row 4: the same person as row 2
            ["Nobody", "", "none"],                  // row 5: no number
            ["Typo", "+1415555", "bronze"]);         // row 6: too short

        var result = await Tool.Run("validate", sheet, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var report = json.RootElement;
        Assert.That(report.GetProperty("phoneColumn").GetString(), Is.EqualTo("contact_number"));
        Assert.That(report.GetProperty("rows").GetInt32(), Is.EqualTo(5));
        Assert.That(report.GetProperty("contacts").GetInt32(), Is.EqualTo(2));
        Assert.That(report.GetProperty("refused").GetInt32(), Is.EqualTo(3));
        Assert.That(report.GetProperty("duplicates").GetInt32(), Is.EqualTo(1));
        Assert.That(report.GetProperty("variables").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "customer_name", "plan" }));
        Assert.That(report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()), Is.EqualTo(new[] { 4, 5, 6 }));
        Assert.That(report.GetProperty("errors")[0].GetProperty("column").GetString(), Is.EqualTo("contact_number"));
    }

    [Test]
    public async Task The_human_report_lists_refused_rows_and_what_to_do()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "phone", "+14155550101", "(415) 555-0102", "+14155550101");

        var result = await Tool.Run("validate", sheet);

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Out, Does.Contain("3 rows, 1 ready to call, 2 refused (1 duplicate)"));
        Assert.That(result.Out, Does.Contain("│ 3 ").And.Contain("│ 4 "));
        Assert.That(result.Out, Does.Contain("--skip-invalid").And.Contain("--region"));
    }

    [Test]
    public async Task Region_reads_national_numbers()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "phone", "(415) 555-0102", "415-555-0103");

        var result = await Tool.Run("validate", sheet, "--region", "us");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    [Test]
    public async Task Phone_column_and_sheet_choose_what_is_read()
    {
        using var folder = new TempFolder();
        var sheet = folder.Xlsx("book.xlsx", "Notes", ["note"], ["nothing here"]);
        using (var workbook = new ClosedXML.Excel.XLWorkbook(sheet))
        {
            var leads = workbook.AddWorksheet("Leads");
            leads.Cell(1, 1).SetValue("Who");
            leads.Cell(1, 2).SetValue("Dial");
            leads.Cell(2, 1).SetValue("Ada");
            leads.Cell(2, 2).SetValue("+14155550101");
            workbook.Save();
        }

        var result = await Tool.Run("validate", sheet, "--sheet", "Leads", "--phone-column", "dial", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetProperty("phoneColumn").GetString(), Is.EqualTo("Dial"));
        Assert.That(json.RootElement.GetProperty("contacts").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_sheet_without_a_phone_column_is_bad_input()
    {
        using var folder = new TempFolder();
        var sheet = folder.Csv("leads.csv", "name,city", "Ada,SF");

        var result = await Tool.Run("validate", sheet, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.GetProperty("error").GetProperty("kind").GetString(), Is.EqualTo("contacts"));
    }

    [Test]
    public async Task A_missing_file_is_bad_input()
    {
        var result = await Tool.Run("validate", Path.Combine(Path.GetTempPath(), "no-such-leads.csv"));

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("no-such-leads.csv"));
    }

    [Test]
    public async Task Validate_needs_no_key_and_reads_no_configuration()
    {
        using var folder = new TempFolder();
        folder.Text("appsettings.json", "{ this is not json");
        var sheet = folder.Csv("leads.csv", "phone", "+14155550101");

        var result = await new Tool { WorkingDirectory = folder.Path }.RunAsync("validate", sheet);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }
}
