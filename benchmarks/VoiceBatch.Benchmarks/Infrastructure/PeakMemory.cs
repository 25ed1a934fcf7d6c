using System.Text.Json;
using System.Text.Json.Serialization;
using VoiceBatch.Benchmarks.Contacts;

namespace VoiceBatch.Benchmarks.Infrastructure;

/// <summary>
/// Peak managed memory of loading the 10 MB XLSX, measured apart from BenchmarkDotNet (which reports allocations,
/// not peaks), in a process of its own (benchmarks/run starts it with a small gen-0 budget so the heap is sampled
/// often). Peak = the largest managed heap seen after any garbage collection during the load, or the heap still
/// held once it returns (the result and the file's bytes), whichever is larger, minus the heap before it.
/// </summary>
public static class PeakMemory
{
    public const string Category = "xlsx-peak";
    public const double TargetMultipleOfFile = 5.0;

    public static MeasurementRow[] Measure()
    {
        var path = BenchmarkData.LargeXlsxPath;
        var fileBytes = new FileInfo(path).Length;

        // Warm up: JIT, libphonenumber's metadata and ExcelDataReader's statics are not the load's memory.
        ContactList.LoadAsync(BenchmarkData.XlsxPath).GetAwaiter().GetResult();
        XlsxLoadBenchmarks.RawExcelRead(BenchmarkData.XlsxPath);

        var raw = Peak(() => XlsxLoadBenchmarks.RawExcelRead(path));
        var sdk = Peak(() => ContactList.LoadAsync(path).GetAwaiter().GetResult());
        return
        [
            new MeasurementRow(
                Category,
                $"ContactList.LoadAsync, {fileBytes / 1048576.0:0.0} MiB XLSX: peak heap {sdk.Peak / 1048576.0:0} MiB (retained {sdk.Retained / 1048576.0:0} MiB)",
                $"file size ({fileBytes / 1048576.0:0.0} MiB); ExcelDataReader alone peaks at {raw.Peak / (double)fileBytes:0.0}x",
                double.NaN,
                sdk.Peak / (double)fileBytes,
                $"peak <= {TargetMultipleOfFile}x file",
                sdk.Peak <= TargetMultipleOfFile * fileBytes),
        ];
    }

    private static (long Peak, long Retained) Peak<T>(Func<T> load)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long sampled = 0;
        var done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                sampled = Math.Max(sampled, GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes);
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        var result = load();
        var retained = GC.GetTotalMemory(forceFullCollection: true);
        Volatile.Write(ref done, true);
        sampler.Join();
        GC.KeepAlive(result);
        return (Math.Max(sampled, retained) - before, retained - before);
    }
}

/// <summary>One row of the targets table that does not come from BenchmarkDotNet.</summary>
public sealed record MeasurementRow(string Category, string Benchmark, string Baseline, double TimeRatio, double AllocRatio, string Target, bool Met)
{
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Save(string path, IEnumerable<MeasurementRow> rows) => File.WriteAllText(path, JsonSerializer.Serialize(rows.ToArray(), Json));

    public static MeasurementRow[] Load(string path) => JsonSerializer.Deserialize<MeasurementRow[]>(File.ReadAllText(path), Json) ?? [];
}
