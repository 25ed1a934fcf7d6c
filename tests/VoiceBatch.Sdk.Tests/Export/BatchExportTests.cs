using System.Data;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using ExcelDataReader;

namespace VoiceBatch.Tests.Export;

public sealed class BatchExportTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "voicebatch-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static readonly string[] Canonical =
        ["id", "phone_number", "name", "status", "raw_status", "duration_seconds", "recording_url", "conversation_id", "created_at", "updated_at", "transcript"];

    private static CallRecord Completed => new()
    {
        Id = "call_1",
        PhoneNumber = "+14155550101",
        Name = "Zoë Ærø 😀 中文",
        Status = CallStatus.Completed,
        RawStatus = "completed",
        Duration = TimeSpan.FromSeconds(12.5),
        RecordingUrl = new Uri("https://rec.example.com/a.mp3"),
        ConversationId = "conv_1",
        CreatedAt = new DateTimeOffset(2026, 5, 1, 15, 4, 5, TimeSpan.FromHours(2)),
        UpdatedAt = new DateTimeOffset(2026, 5, 1, 13, 4, 5, 250, TimeSpan.Zero),
        Transcript = "Agent: \"Hello\", line one\r\nUser: yes, line two",
        Variables = new Dictionary<string, string> { ["city"] = "São Paulo", ["plan"] = "gold" },
    };

    private static CallRecord NoAnswer => new()
    {
        Id = "call_2",
        PhoneNumber = "+919876543210",
        Status = CallStatus.NoAnswer,
        RawStatus = "no-answer",
        Variables = new Dictionary<string, string> { ["plan"] = "silver", ["note"] = "=HYPERLINK(\"http://evil\")" },
    };

    private static async IAsyncEnumerable<CallRecord> Stream(IEnumerable<CallRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return record;
        }
    }

    private static List<string[]> ReadCsv(string path)
    {
        using var csv = CsvReader.FromFile(path, new CsvReaderOptions { HasHeader = false, Separator = ',' });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = csv.GetString(i);
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every sheet of the workbook as ExcelDataReader returns it (values typed, nulls for empty cells).</summary>
    private static List<(string Name, List<object?[]> Rows)> ReadWithExcelDataReader(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var sheets = new List<(string, List<object?[]>)>();
        do
        {
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.GetValue(i);
                rows.Add(row);
            }

            sheets.Add((reader.Name, rows));
        }
        while (reader.NextResult());

        return sheets;
    }

    [Test]
    public async Task Csv_has_the_canonical_columns_then_the_variables_then_other_variables()
    {
        var path = PathOf("calls.csv");

        var written = await BatchExport.WriteCsvAsync(Stream([Completed, NoAnswer]), path);

        var rows = ReadCsv(path);
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(2));
            Assert.That(rows[0], Is.EqualTo(Canonical.Concat(["city", "plan", "note", "other_variables"])));
            Assert.That(rows[1], Is.EqualTo(new[]
            {
                "call_1", "+14155550101", "Zoë Ærø 😀 中文", "Completed", "completed", "12.5", "https://rec.example.com/a.mp3", "conv_1",
                "2026-05-01T13:04:05Z", "2026-05-01T13:04:05.25Z", "Agent: \"Hello\", line one\r\nUser: yes, line two", "São Paulo", "gold", "", "",
            }));
            Assert.That(rows[2][..6], Is.EqualTo(new[] { "call_2", "+919876543210", "", "NoAnswer", "no-answer", "" }));
            Assert.That(rows, Has.Count.EqualTo(3));
            Assert.That(File.ReadAllBytes(path).AsSpan().StartsWith(Encoding.UTF8.Preamble), Is.True, "a BOM, so Excel reads UTF-8");
        });
    }

    [Test]
    public async Task Xlsx_reads_back_in_ClosedXML_with_the_phone_as_text_and_the_duration_as_a_number()
    {
        var path = PathOf("calls.xlsx");

        await BatchExport.WriteXlsxAsync(Stream([Completed, NoAnswer]), path);

        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheets.Single();
        Assert.Multiple(() =>
        {
            Assert.That(sheet.Name, Is.EqualTo("Calls"));
            Assert.That(sheet.Row(1).Cells(1, 15).Select(c => c.GetString()), Is.EqualTo(Canonical.Concat(["city", "plan", "note", "other_variables"])));
            Assert.That(sheet.Cell(2, 2).DataType, Is.EqualTo(XLDataType.Text), "the phone number is a text cell");
            Assert.That(sheet.Cell(2, 2).GetString(), Is.EqualTo("+14155550101"));
            Assert.That(sheet.Cell(2, 3).GetString(), Is.EqualTo("Zoë Ærø 😀 中文"));
            Assert.That(sheet.Cell(2, 6).DataType, Is.EqualTo(XLDataType.Number));
            Assert.That(sheet.Cell(2, 6).GetDouble(), Is.EqualTo(12.5));
            // ClosedXML turns CR LF into LF when it reads text; ExcelDataReader's test below sees the CR kept.
            Assert.That(sheet.Cell(2, 11).GetString(), Is.EqualTo("Agent: \"Hello\", line one\nUser: yes, line two"));
            Assert.That(sheet.Cell(3, 3).IsEmpty(), Is.True);
            Assert.That(sheet.Cell(3, 14).GetString(), Is.EqualTo("'=HYPERLINK(\"http://evil\")"));
            Assert.That(sheet.LastRowUsed()!.RowNumber(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Xlsx_reads_back_in_ExcelDataReader_written_to_a_non_seekable_stream()
    {
        var path = PathOf("calls.xlsx");
        await using (var file = File.Create(path))
        await using (var forwardOnly = new ForwardOnlyStream(file))
        {
            await BatchExport.WriteXlsxAsync(Stream([Completed, NoAnswer]), forwardOnly);
        }

        var (name, rows) = ReadWithExcelDataReader(path).Single();
        Assert.Multiple(() =>
        {
            Assert.That(name, Is.EqualTo("Calls"));
            Assert.That(rows, Has.Count.EqualTo(3));
            Assert.That(rows[0].Select(v => v?.ToString()), Is.EqualTo(Canonical.Concat(["city", "plan", "note", "other_variables"])));
            Assert.That(rows[1][1], Is.EqualTo("+14155550101"));
            Assert.That(rows[1][5], Is.EqualTo(12.5));
            Assert.That(rows[1][8], Is.EqualTo("2026-05-01T13:04:05Z"));
            Assert.That(rows[1][10], Is.EqualTo("Agent: \"Hello\", line one\r\nUser: yes, line two"), "CR LF survives the XML");
            Assert.That(rows[1][11], Is.EqualTo("São Paulo"));
            Assert.That(rows[2][1], Is.EqualTo("+919876543210"));
            Assert.That(rows[2][2], Is.Null);
        });
    }

    public static IEnumerable<TestCaseData> Formulas()
    {
        yield return new TestCaseData("=1+1", "'=1+1");
        yield return new TestCaseData("@SUM(A1)", "'@SUM(A1)");
        yield return new TestCaseData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0");
        yield return new TestCaseData("-2+3", "'-2+3");
        yield return new TestCaseData("\tx", "'\tx");
        yield return new TestCaseData("\rx", "'\rx");
        yield return new TestCaseData("-12.5", "-12.5");
        yield return new TestCaseData("+14155550101", "+14155550101");
        yield return new TestCaseData("a=1", "a=1");
    }

    [TestCaseSource(nameof(Formulas))]
    public async Task Formula_like_text_is_escaped_in_both_formats_and_signed_numbers_are_kept(string value, string expected)
    {
        CallRecord call = new() { Id = value, Variables = new Dictionary<string, string> { ["v"] = value } };
        var csv = PathOf("f.csv");
        var xlsx = PathOf("f.xlsx");

        await BatchExport.WriteCsvAsync(Stream([call]), csv);
        await BatchExport.WriteXlsxAsync(Stream([call]), xlsx);

        var csvRow = ReadCsv(csv)[1];
        var xlsxRow = ReadWithExcelDataReader(xlsx).Single().Rows[1];
        Assert.Multiple(() =>
        {
            Assert.That(csvRow[0], Is.EqualTo(expected));
            Assert.That(csvRow[11], Is.EqualTo(expected));
            Assert.That(xlsxRow[0], Is.EqualTo(expected));
            Assert.That(xlsxRow[11], Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task EscapeFormulas_false_writes_text_exactly()
    {
        var path = PathOf("raw.csv");

        await BatchExport.WriteCsvAsync(Stream([new CallRecord { Id = "=1+1" }]), path, new BatchExportOptions { EscapeFormulas = false });

        Assert.That(ReadCsv(path)[1][0], Is.EqualTo("=1+1"));
    }

    [Test]
    public async Task Empty_input_writes_the_header_only()
    {
        var csv = PathOf("e.csv");
        var xlsx = PathOf("e.xlsx");

        Assert.That(await BatchExport.WriteCsvAsync(Stream([]), csv), Is.Zero);
        Assert.That(await BatchExport.WriteXlsxAsync(Stream([]), xlsx), Is.Zero);

        var rows = ReadWithExcelDataReader(xlsx).Single().Rows;
        Assert.Multiple(() =>
        {
            Assert.That(ReadCsv(csv), Is.EqualTo(new[] { Canonical.Append("other_variables").ToArray() }));
            Assert.That(rows, Has.Count.EqualTo(1));
            Assert.That(rows[0].Select(v => v?.ToString()), Is.EqualTo(Canonical.Append("other_variables")));
        });
        using var workbook = new XLWorkbook(xlsx);
        Assert.That(workbook.Worksheets.Single().LastRowUsed()!.RowNumber(), Is.EqualTo(1));
    }

    [Test]
    public async Task Variables_past_the_discovery_window_go_to_other_variables_as_json()
    {
        var calls = Enumerable.Range(0, 5).Select(i => new CallRecord
        {
            Id = $"c{i}",
            Variables = i < 2
                ? new Dictionary<string, string> { ["plan"] = $"p{i}" }
                : new Dictionary<string, string> { ["plan"] = $"p{i}", ["late"] = $"Zoë \"{i}\"", ["later"] = "x" },
        });
        var path = PathOf("late.csv");

        await BatchExport.WriteCsvAsync(Stream(calls), path, new BatchExportOptions { ColumnDiscoveryRecords = 2 });

        var rows = ReadCsv(path);
        Assert.Multiple(() =>
        {
            Assert.That(rows[0][11..], Is.EqualTo(new[] { "plan", "other_variables" }));
            Assert.That(rows[1][11..], Is.EqualTo(new[] { "p0", "" }));
            Assert.That(rows[4][11], Is.EqualTo("p3"));
            var other = JsonSerializer.Deserialize<Dictionary<string, string>>(rows[4][12]);
            Assert.That(other, Is.EqualTo(new Dictionary<string, string> { ["late"] = "Zoë \"3\"", ["later"] = "x" }));
            Assert.That(rows[4][12], Does.Contain("Zoë"), "unicode is kept readable in the JSON");
        });
    }

    [Test]
    public async Task VariableNames_fix_the_columns_and_names_taken_by_canonical_columns_are_prefixed()
    {
        CallRecord call = new() { Id = "c1", Name = "Ann", Variables = new Dictionary<string, string> { ["name"] = "Ann V.", ["city"] = "Austin", ["extra"] = "e" } };
        var path = PathOf("fixed.csv");

        await BatchExport.WriteCsvAsync(Stream([call]), path, new BatchExportOptions { VariableNames = ["city", "name", "missing"] });

        var rows = ReadCsv(path);
        Assert.Multiple(() =>
        {
            Assert.That(rows[0][11..], Is.EqualTo(new[] { "city", "var_name", "missing", "other_variables" }));
            Assert.That(rows[1][11..], Is.EqualTo(new[] { "Austin", "Ann V.", "", "{\"extra\":\"e\"}" }));
        });
    }

    [Test]
    public async Task Xlsx_continues_on_a_new_sheet_with_its_header_past_the_row_limit()
    {
        var calls = Enumerable.Range(1, 7).Select(i => new CallRecord { Id = $"c{i}" });
        var path = PathOf("many.xlsx");

        var written = await BatchExport.WriteXlsxAsync(Stream(calls), path, new BatchExportOptions { RecordsPerSheet = 3 });

        var sheets = ReadWithExcelDataReader(path);
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(7));
            Assert.That(sheets.Select(s => s.Name), Is.EqualTo(new[] { "Calls", "Calls (2)", "Calls (3)" }));
            Assert.That(sheets.Select(s => s.Rows.Count), Is.EqualTo(new[] { 4, 4, 2 }));
            Assert.That(sheets.SelectMany(s => s.Rows.Skip(1)).Select(r => r[0]), Is.EqualTo(Enumerable.Range(1, 7).Select(i => $"c{i}")));
            Assert.That(sheets.Select(s => s.Rows[0][0]), Is.All.EqualTo("id"));
        });
    }

    [Test]
    public async Task Xlsx_replaces_characters_xml_cannot_hold_and_keeps_surrounding_spaces()
    {
        var path = PathOf("ctl.xlsx");

        await BatchExport.WriteXlsxAsync(Stream([new CallRecord { Id = "a\u0001b", Name = "  padded  ", Transcript = "<b>&amp;</b>" }]), path);

        var row = ReadWithExcelDataReader(path).Single().Rows[1];
        Assert.Multiple(() =>
        {
            Assert.That(row[0], Is.EqualTo("a\uFFFDb"));
            Assert.That(row[2], Is.EqualTo("  padded  "));
            Assert.That(row[10], Is.EqualTo("<b>&amp;</b>"));
        });
    }

    [Test]
    public async Task Csv_export_reloads_as_a_contact_sheet_with_the_same_numbers()
    {
        var path = PathOf("again.csv");

        await BatchExport.WriteCsvAsync(Stream([Completed, NoAnswer]), path);
        var contacts = await ContactList.LoadAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(contacts.Contacts.Select(c => c.PhoneNumber), Is.EqualTo(new[] { "+14155550101", "+919876543210" }));
            Assert.That(contacts.Contacts[0].Variables["city"], Is.EqualTo("São Paulo"));
        });
    }

    [Test]
    public void Cancellation_stops_the_export_and_the_path_overload_deletes_the_partial_file()
    {
        using var cts = new CancellationTokenSource();
        var path = PathOf("cancel.xlsx");

        async IAsyncEnumerable<CallRecord> CancelAfterTen([EnumeratorCancellation] CancellationToken token = default)
        {
            for (var i = 0; ; i++)
            {
                if (i == 10) await cts.CancelAsync();
                token.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return new CallRecord { Id = $"c{i}" };
            }
        }

        Assert.That(() => BatchExport.WriteXlsxAsync(CancelAfterTen(), path, null, cts.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Arguments_are_checked()
    {
        using var readOnly = new MemoryStream([], writable: false);
        Assert.Multiple(() =>
        {
            Assert.That(() => BatchExport.WriteCsvAsync(null!, new MemoryStream()), Throws.ArgumentNullException);
            Assert.That(() => BatchExport.WriteCsvAsync(Stream([]), readOnly), Throws.ArgumentException);
            Assert.That(() => BatchExport.WriteXlsxAsync(Stream([]), " "), Throws.ArgumentException);
            Assert.That(() => BatchExport.WriteCsvAsync(Stream([]), new MemoryStream(), new BatchExportOptions { ColumnDiscoveryRecords = -1 }),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => BatchExport.WriteCsvAsync(Stream([null!]), new MemoryStream()), Throws.ArgumentException.With.Message.Contains("null record"));
        });
    }

    [Test]
    public async Task The_xlsx_is_a_plain_zip_of_the_expected_parts()
    {
        using var buffer = new MemoryStream();
        await BatchExport.WriteXlsxAsync(Stream([Completed]), buffer);

        using var zip = new ZipArchive(new MemoryStream(buffer.ToArray()), ZipArchiveMode.Read);
        Assert.That(zip.Entries.Select(e => e.FullName), Is.EquivalentTo(new[]
        {
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml",
        }));
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
    }
}
