using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using VoiceBatch.Benchmarks.Infrastructure;

namespace VoiceBatch.Benchmarks.Reading;

/// <summary>
/// <c>GetBatchAsync</c> through the public client, per vendor, against the same loopback server as a raw
/// <see cref="HttpClient"/> + <see cref="JsonDocument"/> baseline that sends the SAME requests (checked in setup: the
/// server counts them) and reads what the canonical batch needs (id, status, counters; each inline recipient's id,
/// status and number). Bodies are the vendors' seed or published examples, plus a 1,000-recipient VoiceAI batch.
/// </summary>
public class GetBatchBenchmarks
{
    private const string Key = "bench-key-0123456789";
    private const string DialNexaSeedId = "seed000";
    private const string DialNexaOaId = "batch_abc123";
    private const string VoiceAISeedId = "seed001";
    private const string VoiceAI1000Id = "btc_voiceai_1000";
    private const string BatchDetailsId = "67def9053495307c718d9dfb";
    private const string BolnaId = "3c90c3cc0d444b5088888dd25736052a";
    private const string ElevenLabsId = "id";
    private const string SynthflowId = "3f6f2f5e-4f4b-4f0e-9a4e-2b6d1a5c7e90";
    private const string BlandId = "a9a033b7-44d8-40c6-aaec-42cd43106273";

    /// <summary>The outcome words whose totals the SDK asks batch-details for (20 requests, 4 at a time) when a batch has
    /// more than 100 records; the seed's batch has 150. Kept here, not taken from the SDK: setup checks they still match.</summary>
    private static readonly string[] BatchDetailsWords =
    [
        "completed", "call-disconnected", "answered", "success", "failed", "error", "balance-low", "no-answer", "not-answered",
        "voicemail", "busy", "ringing", "initiated", "dialing", "in-progress", "ongoing", "connected", "cancelled", "canceled", "stopped",
    ];

    private static readonly Dictionary<string, int> BatchDetailsTotals = new(StringComparer.Ordinal)
    {
        ["completed"] = 96, ["no-answer"] = 21, ["failed"] = 9, ["busy"] = 6, ["voicemail"] = 4, ["in-progress"] = 2,
    };

    private VendorServer _server = null!;
    private VoiceBatchClient _sdk = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        _server = VendorServer.Start();
        _server.Serve($"/v1/batch-calls/{DialNexaSeedId}", VendorBodies.Seed("dialnexa-get-schema.json"), ("limit", "200"));
        _server.Serve($"/v1/batch-calls/{DialNexaOaId}", VendorBodies.Published("dialnexa", "get-200.json"), ("limit", "200"));
        _server.Serve("/v1/batch-calls", VendorBodies.Published("dialnexa", "list-200.json"), ("page", "1"), ("limit", "100"));
        _server.Serve($"/v1/voiceai/batch-calling/{VoiceAISeedId}", VendorBodies.Seed("voiceai-get.json"));
        var voiceAI1000 = VendorBodies.VoiceAIBatch(1000);
        Console.WriteLine($"// get-voiceai-1000: the batch is {voiceAI1000.Length} bytes");
        _server.Serve($"/v1/voiceai/batch-calling/{VoiceAI1000Id}", voiceAI1000);
        _server.Serve($"/api/call/batch-details/{BatchDetailsId}", VendorBodies.Seed("batchdetails-get.json"), ("page", "1"), ("limit", "1"), ("filter", ""));
        foreach (var word in BatchDetailsWords)
        {
            _server.Serve($"/api/call/batch-details/{BatchDetailsId}", VendorBodies.BatchDetailsCount(BatchDetailsId, BatchDetailsTotals.GetValueOrDefault(word)),
                ("page", "1"), ("limit", "1"), ("filter", Filter(word)));
        }

        _server.Serve($"/batches/{BolnaId}", VendorBodies.Seed("bolna-get.json"));
        _server.Serve($"/v1/convai/batch-calling/{ElevenLabsId}", VendorBodies.Published("elevenlabs", "docs-get-response.json"));
        _server.Serve($"/v2/calls/batch/{SynthflowId}", VendorBodies.SynthflowBatch());
        _server.Serve($"/v2/batches/{BlandId}", VendorBodies.Published("bland", "get-batch.response.json"));
        _server.Serve($"/v2/batches/{BlandId}/logs", VendorBodies.Published("bland", "get-batch-logs.response.json"), ("take", "100"), ("skip", "0"), ("direction", "desc"));

        var root = _server.BaseAddress;
        _sdk = VoiceBatchClient.Create(b => b
            .AddDialNexa(o => Loopback(o, root))
            .AddVoiceAI(o => Loopback(o, root))
            .AddBatchDetails(o => Loopback(o, root))
            .AddBolna(o => Loopback(o, root))
            .AddElevenLabs(o => Loopback(o, root))
            .AddSynthflow(o => Loopback(o, root))
            .AddBland(o => Loopback(o, root)));
        _http = new HttpClient { BaseAddress = root };

        Check("get-dialnexa", DialNexaSdk, DialNexaRaw, (s, r) => s.Id == r.Id && s.Progress.Total == r.Total);
        Check("get-dialnexa-oa", DialNexaOaSdk, DialNexaOaRaw, (s, r) => s.Id == r.Id && s.Calls.Count == r.Calls.Length && s.Progress.Total == r.Total);
        Check("get-voiceai", VoiceAISdk, VoiceAIRaw, (s, r) => s.Id == r.Id && s.Calls.Count == r.Calls.Length);
        Check("get-voiceai-1000", VoiceAI1000Sdk, VoiceAI1000Raw, (s, r) => s.Calls.Count == 1000 && r.Calls.Length == 1000 && s.Calls[999].PhoneNumber == r.Calls[999].Phone);
        Check("get-batch-details", BatchDetailsSdk, BatchDetailsRaw, (s, r) => s.Id == r.Id && s.Progress.Total == r.Total && s.Progress.Completed == BatchDetailsTotals["completed"]);
        Check("get-bolna", BolnaSdk, BolnaRaw, (s, r) => s.Id == r.Id && s.Progress.Total == r.Total);
        Check("get-elevenlabs", ElevenLabsSdk, ElevenLabsRaw, (s, r) => s.Id == r.Id && s.Calls.Count == r.Calls.Length);
        Check("get-synthflow", SynthflowSdk, SynthflowRaw, (s, r) => s.Id == r.Id && s.Progress.Total == r.Total);
        Check("get-bland", BlandSdk, BlandRaw, (s, r) => s.Id == r.Id && s.Progress.Total == r.Total && s.Progress.Finished == r.Finished);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _http.Dispose();
        _server.Dispose();
    }

    // DialNexa, seed 000 (the older generation's batch record): one request.
    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, DialNexa seed 000 (1 request)"), BenchmarkCategory("get-dialnexa")]
    public Task<RawBatch> DialNexaRaw() => GetJsonAsync($"v1/batch-calls/{DialNexaSeedId}?limit=200", Bearer, static root =>
    {
        var b = root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data : root;
        return new RawBatch(Text(b, "id"), Text(b, "status"), Number(b, "total_leads") ?? Number(b, "total_calls"),
            (Number(b, "completed") ?? Number(b, "completed_calls") ?? 0) + (Number(b, "failed") ?? Number(b, "failed_calls") ?? 0), []);
    });

    [Benchmark(Description = "GetBatchAsync, DialNexa seed 000"), BenchmarkCategory("get-dialnexa"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> DialNexaSdk() => _sdk.GetBatchAsync(ProviderId.DialNexa, DialNexaSeedId);

    // DialNexa's current API (OA): the batch's call logs, then its list item for status and totals: two requests.
    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, DialNexa OA get + list (2 requests)"), BenchmarkCategory("get-dialnexa-oa")]
    public async Task<RawBatch> DialNexaOaRaw()
    {
        var calls = await GetJsonAsync($"v1/batch-calls/{DialNexaOaId}?limit=200", Bearer, static root =>
        {
            var logs = root.GetProperty("callLogs");
            var list = new RawCall[logs.GetArrayLength()];
            var i = 0;
            foreach (var log in logs.EnumerateArray()) list[i++] = new RawCall(Text(log, "id"), Text(log, "status"), Text(log, "to_number"));
            return list;
        }).ConfigureAwait(false);
        return await GetJsonAsync("v1/batch-calls?page=1&limit=100", Bearer, root =>
        {
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                if (item.GetProperty("id").ValueEquals(DialNexaOaId))
                {
                    return new RawBatch(Text(item, "id"), Text(item, "status"), Number(item, "total_lead_count"), 0, calls);
                }
            }

            return new RawBatch(DialNexaOaId, null, null, 0, calls);
        }).ConfigureAwait(false);
    }

    [Benchmark(Description = "GetBatchAsync, DialNexa OA get + list"), BenchmarkCategory("get-dialnexa-oa"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> DialNexaOaSdk() => _sdk.GetBatchAsync(ProviderId.DialNexa, DialNexaOaId);

    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, VoiceAI seed 001 (1 recipient)"), BenchmarkCategory("get-voiceai")]
    public Task<RawBatch> VoiceAIRaw() => GetJsonAsync($"v1/voiceai/batch-calling/{VoiceAISeedId}", XApiKey, BatchCalling);

    [Benchmark(Description = "GetBatchAsync, VoiceAI seed 001"), BenchmarkCategory("get-voiceai"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> VoiceAISdk() => _sdk.GetBatchAsync(ProviderId.VoiceAI, VoiceAISeedId);

    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, VoiceAI 1,000 recipients (0.8 MB)"), BenchmarkCategory("get-voiceai-1000")]
    public Task<RawBatch> VoiceAI1000Raw() => GetJsonAsync($"v1/voiceai/batch-calling/{VoiceAI1000Id}", XApiKey, BatchCalling);

    [Benchmark(Description = "GetBatchAsync, VoiceAI 1,000 recipients"), BenchmarkCategory("get-voiceai-1000"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> VoiceAI1000Sdk() => _sdk.GetBatchAsync(ProviderId.VoiceAI, VoiceAI1000Id);

    // batch-details, seed 002: page 1 with limit=1 (Total 150 > 100), then one limit=1 count per outcome word, 4 at a time.
    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, batch-details seed 002 (1 + 20 count requests)"), BenchmarkCategory("get-batch-details")]
    public async Task<RawBatch> BatchDetailsRaw()
    {
        var path = $"api/call/batch-details/{BatchDetailsId}";
        var first = await GetJsonAsync(path + "?page=1&limit=1", Bearer, static root =>
        {
            var data = root.GetProperty("data");
            return new RawBatch(Text(data, "batchId"), Text(data, "batchStatus"), Number(data, "total"), 0, []);
        }).ConfigureAwait(false);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(BatchDetailsWords, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (word, _) =>
        {
            var total = await GetJsonAsync($"{path}?page=1&limit=1&filter={Uri.EscapeDataString(Filter(word))}", Bearer, static root => Number(root.GetProperty("data"), "total") ?? 0).ConfigureAwait(false);
            lock (counts) counts[word] = total;
        }).ConfigureAwait(false);
        return first with { Finished = counts.Values.Sum() };
    }

    [Benchmark(Description = "GetBatchAsync, batch-details seed 002"), BenchmarkCategory("get-batch-details"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> BatchDetailsSdk() => _sdk.GetBatchAsync(ProviderId.BatchDetails, BatchDetailsId);

    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, Bolna seed 003"), BenchmarkCategory("get-bolna")]
    public Task<RawBatch> BolnaRaw() => GetJsonAsync($"batches/{BolnaId}", Bearer, static root =>
    {
        var finished = 0;
        if (root.TryGetProperty("execution_status", out var statuses) && statuses.ValueKind == JsonValueKind.Object)
        {
            foreach (var status in statuses.EnumerateObject())
            {
                if (status.NameEquals("completed") && status.Value.TryGetInt32(out var n)) finished += n;
            }
        }

        return new RawBatch(Text(root, "batch_id"), Text(root, "status"), Number(root, "valid_contacts") ?? Number(root, "total_contacts"), finished, []);
    });

    [Benchmark(Description = "GetBatchAsync, Bolna seed 003"), BenchmarkCategory("get-bolna"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> BolnaSdk() => _sdk.GetBatchAsync(ProviderId.Bolna, BolnaId);

    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, ElevenLabs published get"), BenchmarkCategory("get-elevenlabs")]
    public Task<RawBatch> ElevenLabsRaw() => GetJsonAsync($"v1/convai/batch-calling/{ElevenLabsId}", ("xi-api-key", Key), BatchCalling);

    [Benchmark(Description = "GetBatchAsync, ElevenLabs published get"), BenchmarkCategory("get-elevenlabs"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> ElevenLabsSdk() => _sdk.GetBatchAsync(ProviderId.ElevenLabs, ElevenLabsId);

    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, Synthflow batch"), BenchmarkCategory("get-synthflow")]
    public Task<RawBatch> SynthflowRaw() => GetJsonAsync($"v2/calls/batch/{SynthflowId}", Bearer, static root =>
    {
        var b = root.GetProperty("response");
        return new RawBatch(Text(b, "batch_call_id"), Text(b, "status"), Number(b, "total_task_count"),
            (Number(b, "dispatched_count") ?? 0) + (Number(b, "failed_count") ?? 0), []);
    });

    [Benchmark(Description = "GetBatchAsync, Synthflow batch"), BenchmarkCategory("get-synthflow"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> SynthflowSdk() => _sdk.GetBatchAsync(ProviderId.Synthflow, SynthflowId);

    // Bland: the batch (metadata, the call objects), then its event log newest first for status and counters: two requests.
    [Benchmark(Baseline = true, Description = "HttpClient + JsonDocument, Bland published get + logs (2 requests)"), BenchmarkCategory("get-bland")]
    public async Task<RawBatch> BlandRaw()
    {
        var batch = await GetJsonAsync($"v2/batches/{BlandId}", ("Authorization", Key), static root =>
        {
            var data = root.GetProperty("data");
            int? total = data.TryGetProperty("call_objects", out var calls) && calls.ValueKind == JsonValueKind.Array ? calls.GetArrayLength() : null;
            return new RawBatch(Text(data, "id"), null, total, 0, []);
        }).ConfigureAwait(false);
        return await GetJsonAsync($"v2/batches/{BlandId}/logs?take=100&skip=0&direction=desc", ("Authorization", Key), root =>
        {
            var result = batch;
            foreach (var e in root.GetProperty("data").EnumerateArray())
            {
                if (!e.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object) continue;
                if (result.Status is null && payload.TryGetProperty("state_change", out var state)) result = result with { Status = state.GetString() };
                if (Number(payload, "calls_total") is { } total)
                {
                    result = result with { Total = total, Finished = (Number(payload, "calls_successful") ?? 0) + (Number(payload, "calls_failed") ?? 0) };
                }
            }

            return result;
        }).ConfigureAwait(false);
    }

    [Benchmark(Description = "GetBatchAsync, Bland published get + logs"), BenchmarkCategory("get-bland"), Target(Time = 1.15, Alloc = 2.0)]
    public Task<BatchCall> BlandSdk() => _sdk.GetBatchAsync(ProviderId.Bland, BlandId);

    /// <summary>What the baseline reads of a batch: the canonical model's id, status and counters, and per inline call its
    /// id, status and number.</summary>
    public sealed record RawBatch(string? Id, string? Status, int? Total, int Finished, RawCall[] Calls);

    public sealed record RawCall(string? Id, string? Status, string? Phone);

    private static (string, string) Bearer => ("Authorization", "Bearer " + Key);

    private static (string, string) XApiKey => ("x-api-key", Key);

    private static void Loopback(VoiceBatchProviderOptions options, Uri root)
    {
        options.BaseAddress = root;
        options.ApiKey = Key;
    }

    private static string Filter(string word) => $"{{\"callStatus\":\"{word}\"}}";

    /// <summary>The ElevenLabs batch-calling dialect (VoiceAI, ElevenLabs): the batch and every recipient.</summary>
    private static RawBatch BatchCalling(JsonElement root)
    {
        var calls = Array.Empty<RawCall>();
        if (root.TryGetProperty("recipients", out var recipients) && recipients.ValueKind == JsonValueKind.Array)
        {
            calls = new RawCall[recipients.GetArrayLength()];
            var i = 0;
            foreach (var r in recipients.EnumerateArray()) calls[i++] = new RawCall(Text(r, "id"), Text(r, "status"), Text(r, "phone_number"));
        }

        return new RawBatch(Text(root, "id"), Text(root, "status"), Number(root, "total_calls_scheduled"), Number(root, "total_calls_finished") ?? 0, calls);
    }

    private static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    /// <summary>The baseline's one request: a GET with the vendor's key, the body parsed from the response stream.</summary>
    private async Task<T> GetJsonAsync<T>(string uri, (string Name, string Value) auth, Func<JsonElement, T> read)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.TryAddWithoutValidation(auth.Name, auth.Value);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var json = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            return read(json.RootElement);
        }
    }

    private void Check(string category, Func<Task<BatchCall>> sdk, Func<Task<RawBatch>> raw, Func<BatchCall, RawBatch, bool> agree)
    {
        BatchCall? fromSdk = null;
        RawBatch? fromRaw = null;
        _server.AssertSameRequests(category, () => fromSdk = sdk().GetAwaiter().GetResult(), () => fromRaw = raw().GetAwaiter().GetResult());
        if (!agree(fromSdk!, fromRaw!))
        {
            throw new InvalidOperationException($"{category}: the SDK and the baseline read different batches: {fromSdk!.Id}/{fromSdk.Status}/{fromSdk.Progress} vs {fromRaw}");
        }
    }
}
