using System.Text;

namespace VoiceBatch.Tests.Contacts;

public sealed class CsvLoadTests : SheetFileTests
{
    private static string[][] Sample =>
    [
        ["phone_number", "name", "city"],
        ["+14155550101", "Zoë Ærø", "São Paulo"],
        ["+14155550102", "Bob", "Austin"],
    ];

    public static IEnumerable<TestCaseData> Encodings()
    {
        yield return new TestCaseData(new UTF8Encoding(true)).SetName("Csv_utf8_with_bom");
        yield return new TestCaseData(new UTF8Encoding(false)).SetName("Csv_utf8_without_bom");
        yield return new TestCaseData(new UnicodeEncoding(false, true)).SetName("Csv_utf16_le_with_bom");
        yield return new TestCaseData(new UnicodeEncoding(true, true)).SetName("Csv_utf16_be_with_bom");
    }

    [TestCaseSource(nameof(Encodings))]
    public async Task Unicode_encodings_read_names_and_headers_exactly(Encoding encoding)
    {
        var path = Files.Csv("contacts.csv", Sample, encoding);
        if (encoding.GetPreamble().Length > 0)
        {
            Assert.That(File.ReadAllBytes(path).AsSpan().StartsWith(encoding.GetPreamble()), Is.True, "the file carries its BOM");
        }

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.VariableNames, Is.EqualTo(new[] { "name", "city" }), "no BOM character left in the first header");
            Assert.That(list.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+14155550101", "+14155550102" }));
            Assert.That(list.Contacts[0].Variables["name"], Is.EqualTo("Zoë Ærø"));
            Assert.That(list.Contacts[0].Variables["city"], Is.EqualTo("São Paulo"));
            Assert.That(list.Contacts.Select(c => c.Row), Is.EqualTo(new[] { 2, 3 }));
            Assert.That(list.Errors, Is.Empty);
        });
    }

    [Test]
    public async Task Windows_1252_bytes_that_are_not_utf8_are_read_as_1252()
    {
        var path = Files.Csv("excel-windows.csv", [["phone", "name"], ["+14155550101", "René Müller – café"]], SheetFiles.Windows1252);
        Assert.That(File.ReadAllBytes(path), Does.Contain((byte)0xE9), "é is the single byte E9 in the file");

        var list = await ContactList.LoadAsync(path);

        Assert.That(list.Contacts.Single().Variables["name"], Is.EqualTo("René Müller – café"));
    }

    [TestCase(";", TestName = "Csv_semicolon_delimiter_detected")]
    [TestCase("\t", TestName = "Csv_tab_delimiter_detected")]
    [TestCase("|", TestName = "Csv_pipe_delimiter_detected")]
    [TestCase(",", TestName = "Csv_comma_delimiter_detected")]
    public async Task Delimiter_is_detected_from_the_header_line(string delimiter)
    {
        // The values hold the other delimiters, so a wrong guess splits them.
        var path = Files.Csv("contacts.csv", [["name", "phone", "note"], ["Doe, Jane", "+14155550101", "a;b|c\td"]], delimiter: delimiter);

        var list = await ContactList.LoadAsync(path);

        var contact = list.Contacts.Single();
        Assert.Multiple(() =>
        {
            Assert.That(list.VariableNames, Is.EqualTo(new[] { "name", "note" }));
            Assert.That(contact.Variables["name"], Is.EqualTo("Doe, Jane"));
            Assert.That(contact.Variables["note"], Is.EqualTo("a;b|c\td"));
        });
    }

    [Test]
    public async Task Quoted_delimiter_in_the_header_does_not_decide_the_delimiter()
    {
        var path = Files.Bytes("q.csv", Encoding.UTF8.GetBytes("\"a,b,c,d\";phone;name\n\"x\";+14155550101;Ann\n"));

        var list = await ContactList.LoadAsync(path);

        Assert.That(list.VariableNames, Is.EqualTo(new[] { "a,b,c,d", "name" }));
    }

    [Test]
    public async Task Quotes_commas_and_newlines_inside_fields_keep_one_row_and_sheet_row_numbers()
    {
        var path = Files.Csv("q.csv",
        [
            ["phone", "name", "address"],
            ["+14155550101", "Jane \"JJ\" Doe", "1 Main St,\nApt 2\r\nSpringfield"],
            ["+14155550102", "Bob", "plain"],
        ]);
        Assert.That(File.ReadAllText(path), Does.Contain("\"Jane \"\"JJ\"\" Doe\""), "CsvHelper quoted the field");

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts, Has.Count.EqualTo(2));
            Assert.That(list.Contacts[0].Variables["name"], Is.EqualTo("Jane \"JJ\" Doe"));
            Assert.That(list.Contacts[0].Variables["address"], Is.EqualTo("1 Main St,\nApt 2\r\nSpringfield"));
            Assert.That(list.Contacts.Select(c => c.Row), Is.EqualTo(new[] { 2, 3 }), "a multi-line record is one row");
        });
    }

    [Test]
    public async Task Blank_lines_are_skipped_but_still_counted_as_rows()
    {
        var path = Files.Bytes("blank.csv", Encoding.UTF8.GetBytes("\r\nphone,name\r\n+14155550101,Ann\r\n\r\n   \r\n,\r\n+14155550102,Bob\r\n\r\n"));

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Select(c => c.Row), Is.EqualTo(new[] { 3, 7 }));
            Assert.That(list.Errors, Is.Empty, "blank and delimiter-only lines are not bad rows");
        });
    }

    [Test]
    public async Task Trailing_empty_columns_and_header_spaces_are_ignored()
    {
        var path = Files.Csv("t.csv", [[" phone ", "  name", "", ""], ["+14155550101", "Ann", "", ""], ["+14155550102", "Bob", "", "", ""]]);

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.VariableNames, Is.EqualTo(new[] { "name" }));
            Assert.That(list.Contacts[0].Variables.Keys, Is.EquivalentTo(new[] { "name" }));
            Assert.That(list.Contacts, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Duplicate_headers_are_refused_naming_them()
    {
        var path = Files.Csv("dup.csv", [["phone", "Name", "city", " name "], ["+14155550101", "a", "b", "c"]]);

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => ContactList.LoadAsync(path));

        Assert.That(ex!.Message, Does.Contain("duplicate column names").And.Contain("'Name' (columns 2, 4)"));
    }

    [Test]
    public async Task Short_rows_read_missing_cells_as_empty()
    {
        var path = Files.Bytes("short.csv", Encoding.UTF8.GetBytes("phone,name,city\n+14155550101\n"));

        var list = await ContactList.LoadAsync(path);

        Assert.That(list.Contacts.Single().Variables, Is.EquivalentTo(new Dictionary<string, string> { ["name"] = "", ["city"] = "" }));
    }

    [Test]
    public async Task A_stray_quote_inside_an_unquoted_field_is_kept_as_text()
    {
        var path = Files.Bytes("stray.csv", Encoding.UTF8.GetBytes("phone,name\n+14155550101,Jane \"JJ Doe\n+14155550102,Bob\n"));

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Select(c => c.Variables["name"]), Is.EqualTo(new[] { "Jane \"JJ Doe", "Bob" }));
            Assert.That(list.Contacts.Select(c => c.Row), Is.EqualTo(new[] { 2, 3 }));
        });
    }

    [Test]
    public async Task Stream_overload_reads_from_the_current_position_and_leaves_the_stream_open()
    {
        var bytes = Encoding.UTF8.GetBytes("garbage-prefixphone\n+14155550101\n");
        using var stream = new MemoryStream(bytes);
        stream.Position = "garbage-prefix".Length;

        var list = await ContactList.LoadAsync(stream);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Single().PhoneNumber, Is.EqualTo("+14155550101"));
            Assert.That(stream.CanRead, Is.True);
        });
    }

    [Test]
    public async Task Excel_sep_hint_line_sets_the_delimiter_and_is_not_a_row()
    {
        var path = Files.Bytes("sep.csv", Encoding.UTF8.GetBytes("sep=;\r\nname;phone\r\nDoe, Jane;+14155550101\r\n"));

        var list = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(list.Contacts.Single().Variables["name"], Is.EqualTo("Doe, Jane"));
            Assert.That(list.Contacts.Single().Row, Is.EqualTo(2));
        });
    }
}
