using ClosedXML.Excel;
using NPOI.HSSF.UserModel;

namespace VoiceBatch.Tests.Contacts;

public sealed class WorkbookLoadTests : SheetFileTests
{
    private string TypedXlsx(string name = "typed.xlsx") => Files.Xlsx(name, wb =>
    {
        var sheet = wb.AddWorksheet("Contacts");
        string[] headers = ["phone_number", "amount", "count", "double_amount", "due", "called_at", "vip", "code", "slot"];
        for (var c = 0; c < headers.Length; c++) sheet.Cell(1, c + 1).SetValue(headers[c]);

        sheet.Cell(2, 1).SetValue<string>("+14155550101");
        sheet.Cell(2, 2).SetValue(1250.5);
        sheet.Cell(2, 3).SetValue(3d);
        sheet.Cell(2, 4).FormulaA1 = "B2*2";
        sheet.Cell(2, 5).SetValue(new DateTime(2026, 5, 1));
        sheet.Cell(2, 6).SetValue(new DateTime(2026, 5, 1, 13, 4, 5));
        sheet.Cell(2, 7).SetValue(true);
        sheet.Cell(2, 8).SetValue<string>("00123");
        sheet.Cell(2, 9).SetValue(0.5);
        sheet.Cell(2, 9).Style.NumberFormat.Format = "h:mm";            // a time of day

        sheet.Cell(3, 1).SetValue(14155550102d);                           // a number cell
        sheet.Cell(4, 1).SetValue(14155550103d);
        sheet.Cell(4, 1).Style.NumberFormat.Format = "0.00E+00";           // displayed as 1.42E+10
        sheet.Cell(5, 1).FormulaA1 = "\"+1415555\"&\"0104\"";              // a formula giving the number
        // row 6 left blank on purpose
        sheet.Cell(7, 1).SetValue<string>("(415) 555-0105");
    });

    [Test]
    public async Task Xlsx_typed_cells_become_invariant_text()
    {
        var list = await ContactList.LoadAsync(TypedXlsx(), new ContactListOptions { DefaultRegion = "US" });

        var first = list.Contacts[0].Variables;
        Assert.Multiple(() =>
        {
            Assert.That(first["amount"], Is.EqualTo("1250.5"));
            Assert.That(first["count"], Is.EqualTo("3"), "integers without .0");
            Assert.That(first["double_amount"], Is.EqualTo("2501"), "formula gives its saved result");
            Assert.That(first["due"], Is.EqualTo("2026-05-01"));
            Assert.That(first["called_at"], Is.EqualTo("2026-05-01T13:04:05"));
            Assert.That(first["vip"], Is.EqualTo("true"));
            Assert.That(first["code"], Is.EqualTo("00123"), "text cells keep leading zeros");
            Assert.That(first["slot"], Is.EqualTo("12:00:00"), "a time of day, not 1899-12-30");
            Assert.That(list.Contacts[1].Variables["amount"], Is.EqualTo(""), "empty cells are empty text");
        });
    }

    [Test]
    public async Task Xlsx_phone_cells_text_number_scientific_and_formula_all_become_e164_with_sheet_rows()
    {
        var list = await ContactList.LoadAsync(TypedXlsx(), new ContactListOptions { DefaultRegion = "US" });

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Select(c => c.PhoneNumber),
                Is.EqualTo(new[] { "+14155550101", "+14155550102", "+14155550103", "+14155550104", "+14155550105" }));
            Assert.That(list.Contacts.Select(c => c.Row), Is.EqualTo(new[] { 2, 3, 4, 5, 7 }), "blank row 6 skipped, numbering kept");
            Assert.That(list.Errors, Is.Empty);
        });
    }

    [Test]
    public async Task Xlsx_number_phone_cell_without_region_reads_as_international()
    {
        var path = Files.Xlsx("n.xlsx", wb =>
        {
            var sheet = wb.AddWorksheet("S");
            sheet.Cell(1, 1).SetValue("Phone Number");
            sheet.Cell(2, 1).SetValue(14155550101d);
            sheet.Cell(3, 1).SetValue(919876543210d);
        });

        var list = await ContactList.LoadAsync(path);

        Assert.That(list.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+14155550101", "+919876543210" }));
    }

    [Test]
    public async Task Xlsx_first_visible_sheet_is_read_by_default_and_SheetName_selects_another()
    {
        var path = Files.Xlsx("two.xlsx", wb =>
        {
            var hidden = wb.AddWorksheet("Notes");
            hidden.Cell(1, 1).SetValue("not contacts");
            hidden.Visibility = XLWorksheetVisibility.Hidden;
            var first = wb.AddWorksheet("May");
            first.Cell(1, 1).SetValue("phone");
            first.Cell(2, 1).SetValue<string>("+14155550101");
            var second = wb.AddWorksheet("June");
            second.Cell(1, 1).SetValue("mobile");
            second.Cell(1, 2).SetValue("name");
            second.Cell(2, 1).SetValue<string>("+14155550199");
            second.Cell(2, 2).SetValue("June person");
        });

        var byDefault = await ContactList.LoadAsync(path);
        var june = await ContactList.LoadAsync(path, new ContactListOptions { SheetName = " june " });

        Assert.Multiple(() =>
        {
            Assert.That(byDefault.Contacts.Single().PhoneNumber, Is.EqualTo("+14155550101"));
            Assert.That(june.Contacts.Single().PhoneNumber, Is.EqualTo("+14155550199"));
            Assert.That(june.Contacts.Single().Variables["name"], Is.EqualTo("June person"));
        });
    }

    [Test]
    public void Xlsx_unknown_sheet_is_refused_listing_the_sheets()
    {
        var path = Files.XlsxText("one.xlsx", [["phone"], ["+14155550101"]]);

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => ContactList.LoadAsync(path, new ContactListOptions { SheetName = "July" }));

        Assert.That(ex!.Message, Does.Contain("no sheet 'July'").And.Contain("'Contacts'"));
    }

    [Test]
    public async Task Workbook_saved_with_a_csv_name_reads_as_a_workbook()
    {
        var xlsx = Files.XlsxText("real.xlsx", [["phone", "name"], ["+14155550101", "Ann"]]);
        var disguised = Files.Bytes("contacts.csv", File.ReadAllBytes(xlsx));

        var list = await ContactList.LoadAsync(disguised);

        Assert.That(list.Contacts.Single().Variables["name"], Is.EqualTo("Ann"));
    }

    [Test]
    public async Task Xlsx_header_may_start_below_blank_rows_and_rows_keep_sheet_numbers()
    {
        var path = Files.Xlsx("low.xlsx", wb =>
        {
            var sheet = wb.AddWorksheet("S");
            sheet.Cell(3, 2).SetValue("phone");
            sheet.Cell(4, 2).SetValue<string>("+14155550101");
        });

        var list = await ContactList.LoadAsync(path);

        Assert.That(list.Contacts.Single().Row, Is.EqualTo(4));
    }

    private string TypedXls(string name = "typed.xls") => Files.Xls(name, wb =>
    {
        var sheet = wb.CreateSheet("Contacts");
        SheetFiles.SetRow(sheet, 0, "phone_number", "amount", "count", "due", "vip", "name");
        SheetFiles.SetRow(sheet, 1, 14155550101d, 1250.5, 3d, new DateTime(2026, 5, 1), true, "Zoë");
        var dateStyle = wb.CreateCellStyle();
        dateStyle.DataFormat = wb.CreateDataFormat().GetFormat("yyyy-mm-dd");
        sheet.GetRow(1).GetCell(3).CellStyle = dateStyle;
        // row index 2 (sheet row 3) left blank
        SheetFiles.SetRow(sheet, 3, "+14155550102", "", "", "", false, "Bob");
        var other = wb.CreateSheet("Other");
        SheetFiles.SetRow(other, 0, "cell");
        SheetFiles.SetRow(other, 1, "+14155550177");
    });

    [Test]
    public async Task Xls_written_by_npoi_reads_typed_cells_and_sheet_rows()
    {
        var list = await ContactList.LoadAsync(TypedXls());

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+14155550101", "+14155550102" }));
            Assert.That(list.Contacts.Select(c => c.Row), Is.EqualTo(new[] { 2, 4 }));
            Assert.That(list.Contacts[0].Variables["amount"], Is.EqualTo("1250.5"));
            Assert.That(list.Contacts[0].Variables["count"], Is.EqualTo("3"));
            Assert.That(list.Contacts[0].Variables["due"], Is.EqualTo("2026-05-01"));
            Assert.That(list.Contacts[0].Variables["vip"], Is.EqualTo("true"));
            Assert.That(list.Contacts[0].Variables["name"], Is.EqualTo("Zoë"));
            Assert.That(list.Contacts[1].Variables["vip"], Is.EqualTo("false"));
        });
    }

    [Test]
    public async Task Xls_SheetName_selects_another_sheet()
    {
        var list = await ContactList.LoadAsync(TypedXls(), new ContactListOptions { SheetName = "other" });

        Assert.That(list.Contacts.Single().PhoneNumber, Is.EqualTo("+14155550177"));
    }

    [Test]
    public async Task Xls_hidden_first_sheet_is_passed_over_by_default()
    {
        var path = Files.Xls("hidden.xls", wb =>
        {
            SheetFiles.SetRow(wb.CreateSheet("Lookup"), 0, "not contacts");
            var contacts = wb.CreateSheet("Contacts");
            SheetFiles.SetRow(contacts, 0, "phone");
            SheetFiles.SetRow(contacts, 1, "+14155550101");
            wb.SetActiveSheet(1);
            wb.SetSheetHidden(0, NPOI.SS.UserModel.SheetState.Hidden);
        });

        var list = await ContactList.LoadAsync(path);

        Assert.That(list.Contacts.Single().PhoneNumber, Is.EqualTo("+14155550101"));
    }

    [Test]
    public void Xls_unknown_sheet_is_refused_listing_the_sheets()
    {
        var ex = Assert.ThrowsAsync<ContactValidationException>(() => ContactList.LoadAsync(TypedXls(), new ContactListOptions { SheetName = "Nope" }));

        Assert.That(ex!.Message, Does.Contain("no sheet 'Nope'").And.Contain("'Contacts', 'Other'"));
    }

    [Test]
    public async Task Xls_saved_with_a_csv_name_and_a_blank_first_row_reads_as_a_workbook()
    {
        var path = Files.Xls("contacts.csv", wb =>
        {
            var sheet = wb.CreateSheet("S");
            SheetFiles.SetRow(sheet, 1, "Mobile");
            SheetFiles.SetRow(sheet, 2, "+14155550101");
        });

        var list = await ContactList.LoadAsync(path);

        Assert.That(list.Contacts.Single().Row, Is.EqualTo(3));
    }

    [Test]
    public void Xls_with_duplicate_headers_is_refused()
    {
        var path = Files.Xls("dup.xls", wb =>
        {
            var sheet = wb.CreateSheet("S");
            SheetFiles.SetRow(sheet, 0, "phone", "City", "CITY");
            SheetFiles.SetRow(sheet, 1, "+14155550101", "a", "b");
        });

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => ContactList.LoadAsync(path));

        Assert.That(ex!.Message, Does.Contain("'City' (columns 2, 3)"));
    }
}
