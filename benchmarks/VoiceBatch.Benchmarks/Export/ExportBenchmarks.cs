using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using VoiceBatch.Benchmarks.Infrastructure;

namespace VoiceBatch.Benchmarks.Export;

/// <summary>
/// The results export at 10,000 and 100,000 records. OperationsPerInvoke makes BenchmarkDotNet report time and
/// allocation per record, so the 100k run's ratio to the 10k baseline is the growth per record: flat memory means an
/// allocation ratio of about 1 (a per-record cost that grew with the batch would show as more).
/// </summary>
public class ExportBenchmarks
{
    private const int Small = 10_000;
    private const int Large = 100_000;
    private CallRecord[] _records = null!;

    [GlobalSetup]
    public void Setup() => _records = Enumerable.Range(0, Large).Select(Record).ToArray();

    [Benchmark(Baseline = true, OperationsPerInvoke = Small, Description = "WriteCsvAsync, 10k records (per record)"), BenchmarkCategory("export-csv")]
    public Task<long> Csv10k() => BatchExport.WriteCsvAsync(Calls(Small), new DiscardStream());

    [Benchmark(OperationsPerInvoke = Large, Description = "WriteCsvAsync, 100k records (per record)"), BenchmarkCategory("export-csv"), Target(Alloc = 1.1)]
    public Task<long> Csv100k() => BatchExport.WriteCsvAsync(Calls(Large), new DiscardStream());

    [Benchmark(Baseline = true, OperationsPerInvoke = Small, Description = "WriteXlsxAsync, 10k records (per record)"), BenchmarkCategory("export-xlsx")]
    public Task<long> Xlsx10k() => BatchExport.WriteXlsxAsync(Calls(Small), new DiscardStream());

    [Benchmark(OperationsPerInvoke = Large, Description = "WriteXlsxAsync, 100k records (per record)"), BenchmarkCategory("export-xlsx"), Target(Alloc = 1.1)]
    public Task<long> Xlsx100k() => BatchExport.WriteXlsxAsync(Calls(Large), new DiscardStream());

    /// <summary>The records as a vendor's pages would yield them (already in memory, so only the export allocates).</summary>
    private async IAsyncEnumerable<CallRecord> Calls(int count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0) await Task.Yield(); // a page boundary: the export really runs asynchronously
            yield return _records[i];
        }
    }

    private static CallRecord Record(int i) => new()
    {
        Id = $"call_{i:000000}",
        PhoneNumber = BenchmarkData.Phone(i),
        Name = $"Person {i:000000}",
        Status = (CallStatus)(i % 10),
        RawStatus = "completed",
        Duration = TimeSpan.FromSeconds(i % 600 + 0.5),
        RecordingUrl = new Uri($"https://recordings.example.com/{i}.mp3"),
        ConversationId = $"conv_{i}",
        CreatedAt = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(i),
        UpdatedAt = new DateTimeOffset(2026, 5, 1, 9, 5, 0, TimeSpan.Zero).AddSeconds(i),
        Transcript = $"Agent: Hello, this is a reminder about your appointment {i}.\nUser: Thanks, see you then.",
        Variables = new Dictionary<string, string> { ["city"] = "Austin", ["plan"] = "gold", ["balance"] = $"{i % 1000}.50" },
    };
}

/// <summary>A forward-only stream that counts and drops what it is given (the export's cost, not the disk's).</summary>
public sealed class DiscardStream : Stream
{
    public long Written { get; private set; }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => Written += count;
    public override void Write(ReadOnlySpan<byte> buffer) => Written += buffer.Length;
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
