using BenchmarkDotNet.Attributes;
using ExcelDataReader;
using VoiceBatch.Benchmarks.Infrastructure;

namespace VoiceBatch.Benchmarks.Contacts;

/// <summary>Loading the 50,000-row XLSX, against ExcelDataReader 3.6 streaming every cell of the same file.</summary>
[BenchmarkCategory("xlsx-load")]
public class XlsxLoadBenchmarks
{
    private string _path = null!;

    [GlobalSetup]
    public void Setup() => _path = BenchmarkData.XlsxPath;

    [Benchmark(Baseline = true, Description = "ExcelDataReader streaming read (every cell)")]
    public int ExcelDataReaderRead() => RawExcelRead(_path);

    [Benchmark(Description = "ContactList.LoadAsync, E.164 validation"), Target(Time = 1.5)]
    public Task<ContactList> LoadAsync() => ContactList.LoadAsync(_path);

    /// <summary>Every cell's value, as an ExcelDataReader user reads a sheet.</summary>
    public static int RawExcelRead(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var cells = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (reader.GetValue(i) is not null) cells++;
            }
        }

        return cells;
    }
}
