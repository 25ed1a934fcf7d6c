using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace VoiceBatch.Tests.Contacts;

public sealed class DamagedWorkbookTests : SheetFileTests
{
    [Test]
    public void Zip_that_is_not_a_workbook_is_refused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("phone\n+14155550101");
        }

        Assert.That(Refused(Files.Bytes("contacts.xlsx", buffer.ToArray())).Message, Does.Contain("ZIP archive without an Excel workbook"));
    }

    [Test]
    public void Truncated_xlsx_is_refused()
    {
        var bytes = File.ReadAllBytes(Files.XlsxText("ok.xlsx", [["phone"], ["+14155550101"]]));

        var ex = Refused(Files.Bytes("cut.xlsx", bytes[..(bytes.Length / 2)]));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("cannot be read").And.Contain("damaged or incomplete"));
            Assert.That(ex.InnerException, Is.InstanceOf<InvalidDataException>(), "the ZIP reader's own exception is kept");
        });
    }

    [Test]
    public void Xlsx_whose_sheet_xml_is_broken_names_the_xml_fault_and_keeps_it()
    {
        var source = File.ReadAllBytes(Files.XlsxText("ok.xlsx", [["phone"], ["+14155550101"]]));
        using var buffer = new MemoryStream();
        using (var input = new ZipArchive(new MemoryStream(source), ZipArchiveMode.Read))
        using (var output = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var to = output.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "xl/worksheets/sheet1.xml")
                {
                    to.Write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c"u8);
                    continue;
                }

                using var from = entry.Open();
                from.CopyTo(to);
            }
        }

        var ex = Refused(Files.Bytes("broken.xlsx", buffer.ToArray()));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("XLSX workbook cannot be read").And.Contain("not well-formed XML"));
            Assert.That(ex.InnerException, Is.InstanceOf<System.Xml.XmlException>());
        });
    }

    [Test]
    public void Workbooks_are_read_without_ClosedXML_or_OpenXml()
    {
        // Whatever OpenXml version an application has (ClosedXML 0.95 fails beside OpenXml 3.x), contact loading
        // cannot be affected: the package does not reference either assembly.
        var referenced = typeof(ContactList).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.That(referenced, Does.Not.Contain("ClosedXML").And.Not.Contain("DocumentFormat.OpenXml").And.Contain("ExcelDataReader"));
    }

    [Test]
    public void Damaged_xls_is_refused()
    {
        var bytes = File.ReadAllBytes(Files.Xls("ok.xls", wb => SheetFiles.SetRow(wb.CreateSheet("S"), 0, "phone")));
        var damaged = bytes[..600];

        var ex = Refused(Files.Bytes("cut.xls", damaged));

        Assert.Multiple(() =>
        {
            Assert.That(ex.Message, Does.Contain("XLS workbook cannot be read").And.Contain(ex.InnerException!.GetType().Name));
            Assert.That(ex.InnerException, Is.Not.Null, "ExcelDataReader's own exception is kept");
        });
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
        var path = Files.XlsxText("wide.xlsx", Enumerable.Range(0, 2000).Select(i => new[] { $"+1415555{i:0000}", Guid.NewGuid().ToString() }).Prepend(["phone", "id"]));

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

        var path = Files.Bytes("lie.xlsx", bytes);
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

    /// <summary>
    /// A real ClosedXML workbook whose sheet part is followed by <paramref name="uncompressedMegabytes"/> MB of
    /// spaces (still well-formed XML, so only the guard stands between it and the spreadsheet library).
    /// </summary>
    private string ZipBomb(string name, int uncompressedMegabytes)
    {
        var source = File.ReadAllBytes(Files.XlsxText("source-" + name, [["phone"], ["+14155550101"]]));
        var path = Files.PathOf(name);
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
}
