using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Retry;
using VoiceBatch.Benchmarks.Infrastructure;
using VoiceBatch.Benchmarks.Reading;

namespace VoiceBatch.Diagnostics;

/// <summary>
/// What each of the SDK's layers costs a request: the raw Bolna get (seed 003) with the layers added one at a time, and a
/// 100-record DialNexa page through the SDK's own HttpClient. Each variant sends the same GET and parses the same body
/// with <see cref="JsonDocument"/>; <see cref="Sdk"/> is the real <c>GetBatchAsync</c>. A diagnostic, not a goal: outside
/// the <c>VoiceBatch.Benchmarks</c> namespace, so <c>benchmarks/run</c> runs it only when asked
/// (<c>benchmarks/run --filter '*PipelineVariants*'</c>, or <c>allocs PipelineVariants.Polly</c> for its types).
/// </summary>
public class PipelineVariants
{
    private const string Key = "bench-key-0123456789";
    private const string Path = "batches/3c90c3cc0d444b5088888dd25736052a";
    private VendorServer _server = null!;
    private HttpClient _raw = null!;
    private HttpClient _handler = null!;
    private HttpClient _polly = null!;
    private VoiceBatchClient _sdk = null!;
    private HttpClient _sdkHttp = null!;
    private const string PagePath = "v1/calls?batch_call_id=b&page=1&limit=100&created_at=asc";

    [GlobalSetup]
    public void Setup()
    {
        _server = VendorServer.Start();
        _server.Serve("/" + Path, VendorBodies.Seed("bolna-get.json"));
        _server.Serve("/v1/calls", VendorBodies.DialNexaCallsPage("b", 0, 100), ("page", "1"));
        var root = _server.BaseAddress;
        _raw = new HttpClient { BaseAddress = root };
        _handler = new HttpClient(SdkLikeHandler()) { BaseAddress = root };
        _handler.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("VoiceBatch.Sdk", "1.0.0"));
        _handler.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        // The SDK's pipeline (ResiliencePipelineFactory): total timeout, retry (exponential, jitter, a predicate), attempt timeout.
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = TimeProvider.System }
            .AddTimeout(TimeSpan.FromMinutes(2))
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = 3,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = TimeSpan.FromSeconds(30),
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError }),
            })
            .AddTimeout(TimeSpan.FromSeconds(30))
            .Build();
        _polly = new HttpClient(new ResilienceHandler(pipeline) { InnerHandler = SdkLikeHandler() }) { BaseAddress = root };
        _polly.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("VoiceBatch.Sdk", "1.0.0"));
        _polly.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _sdk = VoiceBatchClient.Create(b => b.AddBolna(o =>
        {
            o.BaseAddress = root;
            o.ApiKey = Key;
        }));

        // The SDK's own HttpClient for Bolna (its whole handler pipeline), taken from the client's service provider.
        var services = (IServiceProvider)typeof(VoiceBatchClient).GetField("_services", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(_sdk)!;
        _sdkHttp = services.GetRequiredService<IHttpClientFactory>().CreateClient("VoiceBatch.bolna");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sdk.Dispose();
        _raw.Dispose();
        _handler.Dispose();
        _polly.Dispose();
        _sdkHttp.Dispose();
        _server.Dispose();
    }

    /// <summary>The benchmark's baseline: default handler, streamed parse.</summary>
    [Benchmark(Baseline = true, Description = "raw HttpClient + JsonDocument (Bolna get)"), BenchmarkCategory("layers-bolna-get")]
    public Task<string?> Raw() => GetAsync(_raw, buffer: false);

    /// <summary>+ the SDK's primary handler (no redirects, automatic decompression, pooled-connection lifetime), User-Agent and Accept.</summary>
    [Benchmark(Description = "+ the SDK's SocketsHttpHandler settings, User-Agent and Accept"), BenchmarkCategory("layers-bolna-get")]
    public Task<string?> Handler() => GetAsync(_handler, buffer: false);

    /// <summary>+ the SDK's Polly pipeline through <see cref="ResilienceHandler"/>.</summary>
    [Benchmark(Description = "+ the SDK's Polly pipeline (ResilienceHandler)"), BenchmarkCategory("layers-bolna-get")]
    public Task<string?> Polly() => GetAsync(_polly, buffer: false);

    /// <summary>+ the body read whole and parsed from its own copy (as the SDK's buffer handler and serializer do).</summary>
    [Benchmark(Description = "+ the body read whole and parsed from a copy"), BenchmarkCategory("layers-bolna-get")]
    public Task<string?> PollyBuffered() => GetAsync(_polly, buffer: true);

    /// <summary>A 100-record DialNexa page (about 32 KB) through the raw client, parsed from the stream.</summary>
    [Benchmark(Baseline = true, Description = "raw HttpClient + JsonDocument (DialNexa 100-record page)"), BenchmarkCategory("layers-page")]
    public Task<string?> RawPage() => GetAsync(_raw, buffer: false, PagePath);

    /// <summary>The same page through the SDK's HttpClient (its handlers, Polly, the body buffer), parsed from the content.</summary>
    [Benchmark(Description = "the SDK's HttpClient (all its handlers), same page"), BenchmarkCategory("layers-page")]
    public Task<string?> SdkPipelinePage() => GetAsync(_sdkHttp, buffer: false, PagePath);

    /// <summary>The same, with <see cref="HttpContent.LoadIntoBufferAsync()"/> on the SDK's buffered content first, as Refit
    /// 16.4 does before every deserialization (<c>RequestExecutionHelpers.DeserializeSerializedContentAsync</c> →
    /// <c>TryBufferContentAsync</c>): HttpContent copies a content it did not buffer itself into a new MemoryStream.</summary>
    [Benchmark(Description = "the SDK's HttpClient + LoadIntoBufferAsync, as Refit does"), BenchmarkCategory("layers-page")]
    public Task<string?> SdkPipelinePageLoadIntoBuffer() => GetAsync(_sdkHttp, buffer: false, PagePath, loadIntoBuffer: true);

    /// <summary>The SDK's HttpClient on the Bolna get (no Refit, no mapping).</summary>
    [Benchmark(Description = "the SDK's HttpClient (all its handlers), no Refit, no mapping"), BenchmarkCategory("layers-bolna-get")]
    public Task<string?> SdkPipeline() => GetAsync(_sdkHttp, buffer: false);

    /// <summary>The SDK: <c>GetBatchAsync</c>.</summary>
    [Benchmark(Description = "GetBatchAsync (Refit, DTO, Raw, BatchCall)"), BenchmarkCategory("layers-bolna-get")]
    public async Task<string?> Sdk() => (await _sdk.GetBatchAsync(ProviderId.Bolna, "3c90c3cc0d444b5088888dd25736052a").ConfigureAwait(false)).Id;

    private static SocketsHttpHandler SdkLikeHandler() => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.All,
    };

    private static async Task<string?> GetAsync(HttpClient client, bool buffer, string path = Path, bool loadIntoBuffer = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        using var response = await client.SendAsync(request, buffer ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        if (loadIntoBuffer) await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
        if (buffer)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            using var copy = JsonDocument.Parse(bytes.AsMemory().ToArray());
            return copy.RootElement.GetProperty("batch_id").GetString();
        }

        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var json = await JsonDocument.ParseAsync(stream).ConfigureAwait(false);
            return json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement[0].GetProperty("id").GetString() : json.RootElement.GetProperty("batch_id").GetString();
        }
    }
}
