using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace VoiceBatch.Tests.Support;

/// <summary>
/// A loopback Kestrel "vendor" whose every answer a test scripts at the socket level — a body cut off mid-way, a reset,
/// an endless or oversized stream, a hang — which a mock server cannot do. Every request is recorded as it ARRIVES
/// (method, path, headers), before the script runs, so a count is complete once the client call has returned.
/// </summary>
internal sealed class RawVendor : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Arrival> _arrivals = new();

    private RawVendor(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>What every request is answered with (default: <c>{}</c>).</summary>
    public Func<HttpContext, Task> Answer { get; set; } = context => context.Response.WriteAsync("{}");

    public IReadOnlyList<Arrival> Arrivals => _arrivals.ToArray();

    public int Count(string method) => Arrivals.Count(a => a.Method == method);

    /// <summary>Forgets every arrival (between the tests of a fixture that shares one vendor).</summary>
    public void Reset() => _arrivals.Clear();

    public static async Task<RawVendor> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var vendor = new RawVendor(app);
        app.Run(async context =>
        {
            vendor._arrivals.Enqueue(new Arrival(context.Request.Method, context.Request.Path.Value ?? "/",
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            try
            {
                await vendor.Answer(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // the client gave up
            }
        });
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        vendor.Url = new Uri(bound.TrimEnd('/') + "/");
        return vendor;
    }

    public async ValueTask DisposeAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2))) await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    /// <summary>A static block written over and over: streaming megabytes allocates nothing on the server's side.</summary>
    private static readonly byte[] Block = Enumerable.Repeat((byte)'a', 64 * 1024).ToArray();

    /// <summary>Writes <paramref name="bytes"/> bytes of filler; declared as Content-Length, or chunked.</summary>
    public static async Task StreamAsync(HttpContext context, long bytes, bool declareLength, string contentType = "application/json")
    {
        context.Response.ContentType = contentType;
        if (declareLength) context.Response.ContentLength = bytes;
        for (var left = bytes; left > 0; left -= Block.Length)
        {
            await context.Response.Body.WriteAsync(Block.AsMemory(0, (int)Math.Min(Block.Length, left)), context.RequestAborted);
        }
    }

    /// <summary>Drops the connection without answering (after reading the request).</summary>
    public static async Task ResetAsync(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null);
        context.Abort();
    }

    /// <summary>Never answers; ends when the client gives up.</summary>
    public static Task HangAsync(HttpContext context) => Task.Delay(Timeout.Infinite, context.RequestAborted);

    internal sealed record Arrival(string Method, string Path, IReadOnlyDictionary<string, string> Headers);
}
