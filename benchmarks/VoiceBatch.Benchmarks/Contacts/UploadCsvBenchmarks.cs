using BenchmarkDotNet.Attributes;
using CsvHelper;
using VoiceBatch.Benchmarks.Infrastructure;
using VoiceBatch.Contacts;

namespace VoiceBatch.Benchmarks.Contacts;

/// <summary>Writing the CSV a vendor receives for the 200,000-row sheet, against CsvHelper 34 writing the same fields.</summary>
[BenchmarkCategory("csv-write")]
public class UploadCsvBenchmarks
{
    private ContactList _contacts = null!;
    private string[][] _rows = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _contacts = await ContactList.LoadAsync(BenchmarkData.CsvPath);
        _rows = _contacts.Contacts
            .Select(c => new[] { c.PhoneNumber }.Concat(_contacts.VariableNames.Select(n => c.Variables[n])).ToArray())
            .ToArray();
    }

    [Benchmark(Baseline = true, Description = "CsvHelper 34 CsvWriter (raw write)")]
    public byte[] CsvHelperWrite()
    {
        // Sized as ContactCsvWriter sizes its buffer, so both measure the CSV work, not MemoryStream's growth.
        using var buffer = new MemoryStream(_rows.Length * (16 + (12 * _contacts.VariableNames.Count)));
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true))
        {
            csv.WriteField("phone_number");
            foreach (var name in _contacts.VariableNames) csv.WriteField(name);
            csv.EndRecord();
            foreach (var row in _rows)
            {
                foreach (var field in row) csv.WriteField(field);
                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    [Benchmark(Description = "ContactCsvWriter.Write (vendor upload)"), Target(Time = 1.5)]
    public byte[] UploadCsv() => ContactCsvWriter.Write(_contacts.Contacts, _contacts.VariableNames, "phone_number");
}
