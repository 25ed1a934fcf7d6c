using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Benchmarks.Infrastructure;

namespace VoiceBatch.Benchmarks.Reading;

/// <summary>
/// <c>GetCallsAsync</c> over 100,000 records in pages of 100, through the public client, against a raw paging loop
/// (<see cref="HttpClient"/> + <see cref="JsonDocument"/> per page, reading each record's id and status, retaining nothing)
/// that sends the same requests (checked in setup). <c>OperationsPerInvoke</c> = the record count, so every figure is
/// per record. The flatness pair compares the SDK at 10,000 and 100,000 records: an allocation ratio of about 1 means
/// the per-record cost does not grow with the batch (nothing is retained across pages).
/// </summary>
public abstract class GetCallsBenchmarks
{
    protected const string Key = "bench-key-0123456789";
    protected const int Large = 100_000;
    protected const int Small = 10_000;
    protected const int PageSize = 100;

    protected VendorServer Server { get; private set; } = null!;
    protected VoiceBatchClient Sdk { get; private set; } = null!;
    protected HttpClient Http { get; private set; } = null!;

    protected static CallQuery Query => new() { PageSize = PageSize };

    /// <summary>Called for every record read when set (only by the <c>allocs</c> probe, to dither its sampling; null in
    /// the benchmarks, where it costs a null check per record on both sides).</summary>
    public static Action? OnRecord { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Server = VendorServer.Start();
        Serve();
        var root = Server.BaseAddress;
        Sdk = VoiceBatchClient.Create(b => Add(b, root));
        Http = new HttpClient { BaseAddress = root };
        Verify();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Sdk.Dispose();
        Http.Dispose();
        Server.Dispose();
    }

    protected abstract void Serve();

    protected abstract void Add(VoiceBatchBuilder builder, Uri root);

    protected abstract void Verify();

    protected static void Loopback(VoiceBatchProviderOptions options, Uri root)
    {
        options.BaseAddress = root;
        options.ApiKey = Key;
    }

    protected static async Task<long> CountAsync(IAsyncEnumerable<CallRecord> calls)
    {
        long count = 0;
        await foreach (var call in calls.ConfigureAwait(false))
        {
            OnRecord?.Invoke();
            count++;
        }

        return count;
    }

    /// <summary>One page for the raw loop: a GET with the vendor's key, parsed from the response stream.</summary>
    protected async Task<JsonDocument> GetPageAsync(string uri)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Key);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
        }
    }

    protected void CheckCount(string category, Func<Task<long>> sdk, Func<Task<long>> raw, long expected)
    {
        long bySdk = 0, byRaw = 0;
        Server.AssertSameRequests(category, () => bySdk = sdk().GetAwaiter().GetResult(), () => byRaw = raw().GetAwaiter().GetResult());
        if (bySdk != expected || byRaw != expected) throw new InvalidOperationException($"{category}: expected {expected} records, the SDK read {bySdk} and the baseline {byRaw}");
    }
}

/// <summary>batch-details (seed 002): <c>GET /api/call/batch-details/{id}?page&amp;limit=100</c>, records of the seed's shape.</summary>
public class BatchDetailsCallsBenchmarks : GetCallsBenchmarks
{
    private const string LargeId = "bd-100k";
    private const string SmallId = "bd-10k";

    protected override void Serve()
    {
        var pages = Pages(LargeId, Large).Concat(Pages(SmallId, Small)).ToList();
        Console.WriteLine($"// calls-batch-details: {pages.Count} pages, {pages.Sum(p => (long)p.Item2.Length) / (Large + Small)} bytes a record");
        Server.ServeAll(pages);

        static IEnumerable<(string, byte[], (string, string)[])> Pages(string id, int records)
        {
            for (var page = 1; page <= records / PageSize; page++)
            {
                yield return ($"/api/call/batch-details/{id}", VendorBodies.BatchDetailsPage(id, page, PageSize, records, (page - 1) * PageSize, PageSize),
                    [("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("limit", "100")]);
            }
        }
    }

    protected override void Add(VoiceBatchBuilder builder, Uri root) => builder.AddBatchDetails(o => Loopback(o, root));

    protected override void Verify()
    {
        CheckCount("calls-batch-details", Sdk100k, Raw100k, Large);
        CheckCount("calls-flat (10k)", Sdk10k, () => RawLoopAsync(SmallId), Small);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Large, Description = "raw paging loop, batch-details, 100k records (per record)"), BenchmarkCategory("calls-batch-details")]
    public Task<long> Raw100k() => RawLoopAsync(LargeId);

    [Benchmark(OperationsPerInvoke = Large, Description = "GetCallsAsync, batch-details, 100k records (per record)"), BenchmarkCategory("calls-batch-details"), Target(Alloc = 5.0)]
    public Task<long> Sdk100k() => CountAsync(Sdk.GetCallsAsync(ProviderId.BatchDetails, LargeId, Query));

    [Benchmark(Baseline = true, OperationsPerInvoke = Small, Description = "GetCallsAsync, batch-details, 10k records (per record)"), BenchmarkCategory("calls-flat")]
    public Task<long> Sdk10k() => CountAsync(Sdk.GetCallsAsync(ProviderId.BatchDetails, SmallId, Query));

    [Benchmark(OperationsPerInvoke = Large, Description = "GetCallsAsync, batch-details, 100k records (per record)"), BenchmarkCategory("calls-flat"), Target(Alloc = 1.1)]
    public Task<long> Sdk100kFlat() => CountAsync(Sdk.GetCallsAsync(ProviderId.BatchDetails, LargeId, Query));

    /// <summary>Issue 15's loop: every page until <c>totalPages</c> (or an empty page), each record's <c>_id</c> and its
    /// latest attempt's <c>callStatus</c> (the last of <c>phoneLogs</c>) read, nothing kept.</summary>
    private async Task<long> RawLoopAsync(string id)
    {
        long count = 0;
        for (var page = 1; ; page++)
        {
            using var json = await GetPageAsync($"api/call/batch-details/{id}?page={page}&limit={PageSize}").ConfigureAwait(false);
            var data = json.RootElement.GetProperty("data");
            var records = data.GetProperty("data");
            foreach (var record in records.EnumerateArray())
            {
                var callId = record.GetProperty("_id").GetString();
                string? status = null;
                if (record.TryGetProperty("phoneLogs", out var logs) && logs.GetArrayLength() is > 0 and var n) status = logs[n - 1].GetProperty("callStatus").GetString();
                OnRecord?.Invoke();
                if (callId is not null && status != "?") count++;
            }

            if (records.GetArrayLength() == 0 || page >= data.GetProperty("totalPages").GetInt32()) return count;
        }
    }
}

/// <summary>DialNexa's current call-log list (OA): <c>GET /v1/calls?batch_call_id&amp;page&amp;limit=100&amp;created_at=asc</c>,
/// bare arrays; the list ends on a short page, so 100,000 records take 1,001 requests (the last one empty).</summary>
public class DialNexaCallsBenchmarks : GetCallsBenchmarks
{
    private const string BatchId = "bat_calls100k";

    protected override void Serve()
    {
        var pages = Enumerable.Range(1, Large / PageSize + 1).Select(page => (
            "/v1/calls",
            VendorBodies.DialNexaCallsPage(BatchId, (page - 1) * PageSize, page <= Large / PageSize ? PageSize : 0),
            new[] { ("batch_call_id", BatchId), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("limit", "100") })).ToList();
        Console.WriteLine($"// calls-dialnexa: {pages.Count} pages, {pages.Sum(p => (long)p.Item2.Length) / Large} bytes a record");
        Server.ServeAll(pages);
    }

    protected override void Add(VoiceBatchBuilder builder, Uri root) => builder.AddDialNexa(o => Loopback(o, root));

    protected override void Verify() => CheckCount("calls-dialnexa", Sdk100k, Raw100k, Large);

    [Benchmark(Baseline = true, OperationsPerInvoke = Large, Description = "raw paging loop, DialNexa call logs, 100k records (per record)"), BenchmarkCategory("calls-dialnexa")]
    public async Task<long> Raw100k()
    {
        long count = 0;
        for (var page = 1; ; page++)
        {
            using var json = await GetPageAsync($"v1/calls?batch_call_id={BatchId}&page={page}&limit={PageSize}&created_at=asc").ConfigureAwait(false);
            var items = json.RootElement;
            foreach (var item in items.EnumerateArray())
            {
                var id = item.GetProperty("id").GetString();
                var status = item.GetProperty("status").GetString();
                OnRecord?.Invoke();
                if (id is not null && status != "?") count++;
            }

            if (items.GetArrayLength() < PageSize) return count;
        }
    }

    [Benchmark(OperationsPerInvoke = Large, Description = "GetCallsAsync, DialNexa call logs, 100k records (per record)"), BenchmarkCategory("calls-dialnexa"), Target(Alloc = 5.0)]
    public Task<long> Sdk100k() => CountAsync(Sdk.GetCallsAsync(ProviderId.DialNexa, BatchId, Query));
}
