using System.Text;

namespace VoiceBatch.Tests.Contacts;

public sealed class BadFileTests : SheetFileTests
{
    [Test]
    public void Binary_garbage_is_refused_as_not_a_sheet()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[0] = (byte)'p'; // not a known signature

        Assert.That(Refused(Files.Bytes("contacts.csv", garbage)).Message, Does.Contain("not a CSV, XLSX or XLS file"));
    }

    [Test]
    public void Binary_without_nul_bytes_is_refused_by_its_control_characters()
    {
        var garbage = Enumerable.Range(0, 2048).Select(i => (byte)(1 + (i * 37 % 255))).ToArray();
        Assert.That(garbage, Does.Not.Contain((byte)0));

        Assert.That(Refused(Files.Bytes("x.csv", garbage)).Message, Does.Contain("binary data"));
    }

    [Test]
    public void Nul_bytes_are_refused()
        => Assert.That(Refused(Files.Bytes("x.csv", "phone\n+14155550101\0\n"u8.ToArray())).Message, Does.Contain("NUL bytes"));

    [Test]
    public void Utf16_bom_with_invalid_utf16_is_refused_keeping_the_decoder_error()
    {
        byte[] bytes = [0xFF, 0xFE, (byte)'p', 0, (byte)'h', 0, 0x00, 0xD8, (byte)'\n', 0]; // a lone high surrogate

        var ex = Refused(Files.Bytes("u16.csv", bytes));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("not valid UTF-16"));
            Assert.That(ex.InnerException, Is.InstanceOf<DecoderFallbackException>());
        });
    }

    [Test]
    public void A_single_stray_control_character_in_a_long_text_file_is_tolerated()
    {
        var text = "phone,name\n+14155550101,Ann\u001A\n" + string.Concat(Enumerable.Range(2, 50).Select(i => $"+1415555{i:0000},Name {i}\n"));

        Assert.DoesNotThrowAsync(() => ContactList.LoadAsync(Files.Bytes("x.csv", Encoding.UTF8.GetBytes(text))));
    }

    [Test]
    public void Empty_file_is_refused()
        => Assert.That(Refused(Files.Bytes("empty.csv", [])).Message, Does.Contain("empty"));

    [Test]
    public void Whitespace_only_file_is_refused_as_empty()
        => Assert.That(Refused(Files.Bytes("blank.csv", "\r\n  \r\n\r\n"u8.ToArray())).Message, Does.Contain("empty"));

    [Test]
    public void Header_only_csv_is_refused()
        => Assert.That(Refused(Files.Csv("h.csv", [["phone_number", "name"]])).Message, Does.Contain("header but no contacts").And.Contain("'phone_number'"));

    [Test]
    public void Header_only_xlsx_is_refused()
        => Assert.That(Refused(Files.XlsxText("h.xlsx", [["phone_number", "name"]])).Message, Does.Contain("header but no contacts"));

    [Test]
    public void Empty_xlsx_sheet_is_refused()
        => Assert.That(Refused(Files.Xlsx("e.xlsx", wb => wb.AddWorksheet("Blank"))).Message, Does.Contain("sheet 'Blank' is empty"));

    [Test]
    public void No_phone_column_is_refused_listing_the_columns()
    {
        var ex = Refused(Files.Csv("np.csv", [["name", "city"], ["Ann", "Austin"]]));

        Assert.That(ex.Message, Does.Contain("no phone column").And.Contain("Its columns are: name, city"));
    }

    [Test]
    public void Sheet_without_a_header_row_is_refused_without_showing_the_number()
    {
        var ex = Refused(Files.Csv("nohead.csv", [["+14155550101", "Ann"], ["+14155550102", "Bob"]]));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("first row holds a phone number").And.Contain("Add a header row"));
            Assert.That(ex.Message, Does.Not.Contain("14155550101"));
        });
    }

    [Test]
    public void Column_names_shown_in_messages_have_numbers_masked()
    {
        var ex = Refused(Files.Csv("np.csv", [["name", "4155550101"], ["Ann", "x"]]));

        Assert.That(ex.Message, Does.Contain("no phone column").And.Contain("name, 41555***0101").And.Not.Contain("4155550101"));
    }

    [Test]
    public void Configured_phone_column_that_is_missing_is_refused()
    {
        var ex = Refused(Files.Csv("np.csv", [["phone", "city"], ["+14155550101", "Austin"]]), new ContactListOptions { PhoneColumn = "whatsapp" });

        Assert.That(ex.Message, Does.Contain("no column 'whatsapp'"));
    }

    [Test]
    public void Missing_file_is_refused_with_its_name()
        => Assert.That(Refused(Files.PathOf("nope.csv")).Message, Does.Contain("'nope.csv' does not exist"));

    [Test]
    public void File_over_MaxBytes_is_refused_before_parsing()
    {
        // 11 MB of a perfectly readable CSV: only the size is wrong.
        var path = Files.PathOf("big.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.WriteLine("phone,name");
            var i = 0;
            while (writer.BaseStream.Length < 11 * 1024 * 1024) writer.WriteLine($"+1415555{i++ % 10000:0000},{new string('x', 200)}");
        }

        var ex = Refused(path);

        Assert.That(ex.Message, Does.Contain("is 11 MB").And.Contain("limit is 10 MB").And.Contain("MaxBytes"));
    }

    [Test]
    public void Non_seekable_stream_over_MaxBytes_is_refused_while_reading()
    {
        using var inner = new MemoryStream(Encoding.UTF8.GetBytes("phone\n" + string.Concat(Enumerable.Repeat("+14155550101\n", 100))));
        using var stream = new ForwardOnlyStream(inner);

        var ex = Assert.ThrowsAsync<ContactValidationException>(() => ContactList.LoadAsync(stream, new ContactListOptions { MaxBytes = 500 }));

        Assert.That(ex!.Message, Does.Contain("larger than"));
    }

    [Test]
    public void More_rows_than_MaxRows_are_refused()
    {
        var path = Files.Csv("rows.csv", [["phone"], ["+14155550101"], ["+14155550102"], ["+14155550103"]]);

        Assert.That(Refused(path, new ContactListOptions { MaxRows = 2 }).Message, Does.Contain("more than 2 contact rows"));
    }

    [Test]
    public async Task Default_options_have_no_row_limit_below_the_size_limit()
    {
        // 100,001 rows: one more than the old default MaxRows, in a file well under the 10 MB the vendors accept.
        var path = Files.PathOf("many.csv");
        await using (var writer = new StreamWriter(path))
        {
            await writer.WriteLineAsync("phone");
            for (var i = 0; i <= 100_000; i++) await writer.WriteLineAsync($"+1415{2_000_000 + i}");
        }

        Assert.That(new FileInfo(path).Length, Is.LessThan(ContactListOptions.DefaultMaxBytes));

        var list = await ContactList.LoadAsync(path);

        Assert.That(list.Contacts.Count + list.Errors.Count, Is.EqualTo(100_001));
    }

    [Test]
    public void Html_saved_as_xls_is_refused_with_a_hint()
        => Assert.That(Refused(Files.Bytes("export.xls", "<html><body><table><tr><td>phone</td></tr></table></body></html>"u8.ToArray())).Message,
            Does.Contain("HTML or XML"));

    [Test]
    public void Cancelled_token_cancels_the_load()
    {
        var path = Files.Csv("c.csv", [["phone"], ["+14155550101"]]);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.That(() => ContactList.LoadAsync(path, null, cts.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase(0, 1, 1, TestName = "Options_MaxBytes_zero_is_an_argument_error")]
    [TestCase(1, 0, 1, TestName = "Options_MaxRows_zero_is_an_argument_error")]
    [TestCase(1, 1, 0, TestName = "Options_MaxUncompressedBytes_zero_is_an_argument_error")]
    public void Invalid_limits_are_argument_errors(long maxBytes, int maxRows, long maxUncompressed)
    {
        using var stream = new MemoryStream("phone\n+14155550101"u8.ToArray());
        var options = new ContactListOptions { MaxBytes = maxBytes, MaxRows = maxRows, MaxUncompressedBytes = maxUncompressed };

        Assert.That(() => ContactList.LoadAsync(stream, options), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void Unknown_default_region_is_an_argument_error()
    {
        using var stream = new MemoryStream("phone\n4155550101"u8.ToArray());

        Assert.That(() => ContactList.LoadAsync(stream, new ContactListOptions { DefaultRegion = "USA" }),
            Throws.ArgumentException.With.Message.Contains("'USA'"));
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, Math.Min(count, 64));
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
