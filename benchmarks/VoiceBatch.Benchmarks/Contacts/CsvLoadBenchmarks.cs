using BenchmarkDotNet.Attributes;
using CsvHelper;
using VoiceBatch.Benchmarks.Infrastructure;

namespace VoiceBatch.Benchmarks.Contacts;

/// <summary>Loading the 200,000-row (about 9 MiB) CSV, against CsvHelper 34 reading the same file into records.</summary>
[BenchmarkCategory("csv-load")]
public class CsvLoadBenchmarks
{
    private string _path = null!;

    [GlobalSetup]
    public void Setup() => _path = BenchmarkData.CsvPath;

    [Benchmark(Baseline = true, Description = "CsvHelper 34 GetRecords<T> (raw record read)")]
    public List<ContactRow> CsvHelperRecords()
    {
        using var csv = CsvReader.FromFile(_path);
        return csv.GetRecords<ContactRow>().ToList();
    }

    [Benchmark(Description = "ContactList.LoadAsync, E.164 validation"), Target(Time = 3.0)]
    public Task<ContactList> LoadAsync() => ContactList.LoadAsync(_path);
}

/// <summary>The CSV's record, mapped by CsvHelper's source generator.</summary>
[CsvRecord]
public sealed partial class ContactRow
{
    [CsvColumn("phone_number")]
    public string PhoneNumber { get; set; } = "";

    [CsvColumn("name")]
    public string Name { get; set; } = "";

    [CsvColumn("city")]
    public string City { get; set; } = "";

    [CsvColumn("plan")]
    public string Plan { get; set; } = "";

    [CsvColumn("balance")]
    public string Balance { get; set; } = "";
}
