using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace VoiceBatch.Tests.Contacts;

public sealed class BadFileTests
{
    private SheetFiles _files = null!;

    [SetUp]
    public void SetUp() => _files = new SheetFiles();

    [TearDown]
    public void TearDown() => _files.Dispose();

    private static ContactValidationException Refused(string path, ContactListOptions? options = null)
        => Assert.ThrowsAsync<ContactValidationException>(() => ContactList.LoadAsync(path, options))!;

    [Test]
    public void Binary_garbage_is_refused_as_not_a_sheet()
    {
        var garbage = new byte[4096];
        new Random(42).NextBytes(garbage);
        garbage[0] = (byte)'p'; // not a known signature

        Assert.That(Refused(_files.Bytes("contacts.csv", garbage)).Message, Does.Contain("not a CSV, XLSX or XLS file"));
    }

    [Test]
    public void Binary_without_nul_bytes_is_refused_by_its_control_characters()
    {
        var garbage = Enumerable.Range(0, 2048).Select(i => (byte)(1 + (i * 37 % 255))).ToArray();
        Assert.That(garbage, Does.Not.Contain((byte)0));

        Assert.That(Refused(_files.Bytes("x.csv", garbage)).Message, Does.Contain("binary data"));
    }

    [Test]
    public void Nul_bytes_are_refused()
        => Assert.That(Refused(_files.Bytes("x.csv", "phone\n+14155550101\0\n"u8.ToArray())).Message, Does.Contain("NUL bytes"));

    [Test]
    public void A_single_stray_control_character_in_a_long_text_file_is_tolerated()
    {
        var text = "phone,name\n+14155550101,Ann\u001A\n" + string.Concat(Enumerable.Range(2, 50).Select(i => $"+1415555{i:0000},Name {i}\n"));

        Assert.DoesNotThrowAsync(() => ContactList.LoadAsync(_files.Bytes("x.csv", Encoding.UTF8.GetBytes(text))));
    }

    [Test]
    public void Empty_file_is_refused()
        => Assert.That(Refused(_files.Bytes("empty.csv", [])).Message, Does.Contain("empty"));

    [Test]
    public void Whitespace_only_file_is_refused_as_empty()
        => Assert.That(Refused(_files.Bytes("blank.csv", "\r\n  \r\n\r\n"u8.ToArray())).Message, Does.Contain("empty"));

    [Test]
    public void Header_only_csv_is_refused()
        => Assert.That(Refused(_files.Csv("h.csv", [["phone_number", "name"]])).Message, Does.Contain("header but no contacts").And.Contain("'phone_number'"));

    [Test]
    public void Header_only_xlsx_is_refused()
        => Assert.That(Refused(_files.XlsxText("h.xlsx", [["phone_number", "name"]])).Message, Does.Contain("header but no contacts"));

    [Test]
    public void Empty_xlsx_sheet_is_refused()
        => Assert.That(Refused(_files.Xlsx("e.xlsx", wb => wb.AddWorksheet("Blank"))).Message, Does.Contain("sheet 'Blank' is empty"));

    [Test]
    public void No_phone_column_is_refused_listing_the_columns()
    {
        var ex = Refused(_files.Csv("np.csv", [["name", "city"], ["Ann", "Austin"]]));

        Assert.That(ex.Message, Does.Contain("no phone column").And.Contain("Its columns are: name, city"));
    }

    [Test]
    public void Configured_phone_column_that_is_missing_is_refused()
    {
        var ex = Refused(_files.Csv("np.csv", [["phone", "city"], ["+14155550101", "Austin"]]), new ContactListOptions { PhoneColumn = "whatsapp" });

        Assert.That(ex.Message, Does.Contain("no column 'whatsapp'"));
    }

    [Test]
    public void Missing_file_is_refused_with_its_name()
        => Assert.That(Refused(_files.PathOf("nope.csv")).Message, Does.Contain("'nope.csv' does not exist"));

    [Test]
    public void File_over_MaxBytes_is_refused_before_parsing()
    {
        // 11 MB of a perfectly readable CSV: only the size is wrong.
        var path = _files.PathOf("big.csv");
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
        var path = _files.Csv("rows.csv", [["phone"], ["+14155550101"], ["+14155550102"], ["+14155550103"]]);

        Assert.That(Refused(path, new ContactListOptions { MaxRows = 2 }).Message, Does.Contain("more than 2 contact rows"));
    }

    [Test]
    public void Html_saved_as_xls_is_refused_with_a_hint()
        => Assert.That(Refused(_files.Bytes("export.xls", "<html><body><table><tr><td>phone</td></tr></table></body></html>"u8.ToArray())).Message,
            Does.Contain("HTML or XML"));

    [Test]
    public void Zip_that_is_not_a_workbook_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("phone\n+14155550101");
        }

        Assert.That(Refused(_files.Bytes("contacts.xlsx", buffer.ToArray())).Message, Does.Contain("ZIP archive without an Excel workbook"));
    }

    [Test]
    public void Truncated_xlsx_is_refused()
    {
        var bytes = File.ReadAllBytes(_files.XlsxText("ok.xlsx", [["phone"], ["+14155550101"]]));

        Assert.That(Refused(_files.Bytes("cut.xlsx", bytes[..(bytes.Length / 2)])).Message, Does.Contain("cannot be read"));
    }

    [Test]
    public void Damaged_xls_is_refused()
    {
        var bytes = File.ReadAllBytes(_files.Xls("ok.xls", wb => SheetFiles.SetRow(wb.CreateSheet("S"), 0, "phone")));
        var damaged = bytes[..600];

        Assert.That(Refused(_files.Bytes("cut.xls", damaged)).Message, Does.Contain("XLS workbook cannot be read"));
    }

    [Test]
    public void Zip_bomb_is_refused_quickly_without_inflating_it()
    {
        var path = ZipBomb("bomb.xlsx", uncompressedMegabytes: 300);
        Assert.That(new FileInfo(path).Length, Is.LessThan(2 * 1024 * 1024), "a small file…");

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var ex = Refused(path);
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("MaxUncompressedBytes").Or.Contain("zip bomb"));
            Assert.That(allocated, Is.LessThan(30L * 1024 * 1024), "…refused without inflating 300 MB");
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        });
    }

    [Test]
    public void Part_compressed_more_than_100_to_1_is_refused_even_under_the_size_cap()
    {
        var ex = Refused(ZipBomb("ratio.xlsx", uncompressedMegabytes: 20));

        Assert.That(ex.Message, Does.Contain("zip bomb").And.Contain("xl/worksheets/sheet1.xml"));
    }

    [Test]
    public void Workbook_over_MaxUncompressedBytes_is_refused()
    {
        var path = _files.XlsxText("wide.xlsx", Enumerable.Range(0, 2000).Select(i => new[] { $"+1415555{i:0000}", Guid.NewGuid().ToString() }).Prepend(["phone", "id"]));

        var ex = Refused(path, new ContactListOptions { MaxUncompressedBytes = 64 * 1024 });

        Assert.That(ex.Message, Does.Contain("unpacks to more than").And.Contain("MaxUncompressedBytes"));
    }

    [Test]
    public async Task Zip_whose_declared_sizes_lie_never_inflates_beyond_them()
    {
        // Patch the central directory so a 200 MB part claims to be 4 KB: the declared checks pass, and the part must
        // still not be inflated past 4 KB (.NET's entry streams stop at the declared size; the guard relies on it).
        var bytes = File.ReadAllBytes(ZipBomb("lie.xlsx", uncompressedMegabytes: 200));
        var patched = 0;
        for (var i = 0; i + 46 < bytes.Length; i++)
        {
            if (bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x01 && bytes[i + 3] == 0x02)
            {
                var nameLength = BitConverter.ToUInt16(bytes, i + 28);
                if (Encoding.ASCII.GetString(bytes, i + 46, nameLength) != "xl/worksheets/sheet1.xml") continue;
                BitConverter.GetBytes(4096u).CopyTo(bytes, i + 24);
                patched++;
            }
        }

        Assert.That(patched, Is.EqualTo(1));
        using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
        {
            using var part = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
            long inflated = 0;
            var buffer = new byte[81_920];
            int read;
            while ((read = part.Read(buffer)) > 0) inflated += read;
            Assert.That(inflated, Is.EqualTo(4096), "what the guard relies on: a part never inflates past its declared size");
        }

        var path = _files.Bytes("lie.xlsx", bytes);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        try
        {
            await ContactList.LoadAsync(path); // reads the 4 KB it declares: the workbook's own sheet, then spaces
        }
        catch (ContactValidationException)
        {
            // also acceptable: refused
        }

        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;

        Assert.That(allocated, Is.LessThan(30L * 1024 * 1024), "the 200 MB behind the lie was never inflated");
    }

    [Test]
    public void Cancelled_token_cancels_the_load()
    {
        var path = _files.Csv("c.csv", [["phone"], ["+14155550101"]]);
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

    /// <summary>
    /// A real ClosedXML workbook whose sheet part is followed by <paramref name="uncompressedMegabytes"/> MB of
    /// spaces (still well-formed XML, so only the guard stands between it and the spreadsheet library).
    /// </summary>
    private string ZipBomb(string name, int uncompressedMegabytes)
    {
        var source = File.ReadAllBytes(_files.XlsxText("source-" + name, [["phone"], ["+14155550101"]]));
        var path = _files.PathOf(name);
        using (var input = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read))
        using (var output = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            foreach (var entry in input.Entries)
            {
                using var from = entry.Open();
                using var to = output.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                from.CopyTo(to);
                if (entry.FullName != "xl/worksheets/sheet1.xml") continue;
                var chunk = new byte[1024 * 1024];
                Array.Fill(chunk, (byte)' ');
                for (var i = 0; i < uncompressedMegabytes; i++) to.Write(chunk);
            }
        }

        return path;
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
