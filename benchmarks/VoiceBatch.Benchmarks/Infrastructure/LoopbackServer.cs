using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceBatch.Benchmarks.Infrastructure;

/// <summary>
/// A fake vendor for the read benchmarks: Kestrel (<see cref="WebApplication.CreateSlimBuilder()"/>, 127.0.0.1, port 0,
/// no logging) answering each GET with a fixed UTF-8 body chosen by path and, where a path serves several bodies (pages,
/// filtered counts), by the values of the query parameters named when the body was registered. It counts every request
/// (method, path and sorted query), so a benchmark's setup can check that the SDK and its raw baseline sent exactly the
/// same requests. Bodies are registered over HTTP (<c>PUT /__route</c>) and the counts read the same way, so the server
/// can run in a process of its own (see <see cref="VendorServer"/>).
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, byte[]> _bodies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _keysByPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    /// <summary>Marks a counted request that had no registered body (it was answered 404).</summary>
    public const string MissPrefix = "NO BODY ";

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
        });
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>The <c>serve</c> command: start, print the address on the first line, stop when standard input closes
    /// (the benchmark process that started it ended or closed it).</summary>
    public static int ServeUntilStdinCloses()
    {
        var server = StartAsync().GetAwaiter().GetResult();
        Console.Out.WriteLine(server.BaseAddress.AbsoluteUri);
        Console.Out.Flush();
        Console.In.ReadToEnd();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A request's identity for counting: method, path and its query parameters, decoded and sorted.</summary>
    public static string RequestKey(string method, string path, IEnumerable<KeyValuePair<string, string>> query)
    {
        var sorted = query.OrderBy(q => q.Key, StringComparer.Ordinal).ThenBy(q => q.Value, StringComparer.Ordinal).Select(q => q.Key + "=" + q.Value);
        return $"{method} {path}?{string.Join('&', sorted)}";
    }

    private static string BodyKey(string path, string[] names, Func<string, string> value)
        => path + "?" + string.Join('&', names.Select(n => n + "=" + value(n)));

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/__", StringComparison.Ordinal))
        {
            await ControlAsync(context, path).ConfigureAwait(false);
            return;
        }

        var body = request.Method == "GET" && _keysByPath.TryGetValue(path, out var names)
            ? _bodies.GetValueOrDefault(BodyKey(path, names, n => request.Query[n].ToString()))
            : null;
        var key = RequestKey(request.Method, path, request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString())));
        _requests.AddOrUpdate(body is null ? MissPrefix + key : key, 1, static (_, n) => n + 1);
        var response = context.Response;
        if (body is null)
        {
            response.StatusCode = 404;
            body = Encoding.UTF8.GetBytes($$"""{"error":"the benchmark server has no body for {{request.Method}} {{path}}{{request.QueryString}}"}""");
        }

        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body).ConfigureAwait(false);
    }

    private async Task ControlAsync(HttpContext context, string path)
    {
        var request = context.Request;
        var response = context.Response;
        switch (path)
        {
            case "/__route" when request.Method == "PUT":
            {
                // ?path=/v1/x&match=page,limit&q.page=1&q.limit=100 ; the body is what that request is answered with.
                var route = request.Query["path"].ToString();
                var match = request.Query["match"].ToString();
                var names = match.Length == 0 ? [] : match.Split(',');
                var known = _keysByPath.GetOrAdd(route, names);
                if (!known.SequenceEqual(names))
                {
                    response.StatusCode = 409;
                    await response.WriteAsync($"{route} is matched by [{string.Join(',', known)}], not [{match}]").ConfigureAwait(false);
                    return;
                }

                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
                _bodies[BodyKey(route, names, n => request.Query["q." + n].ToString())] = buffer.ToArray();
                response.StatusCode = 204;
                return;
            }

            case "/__requests" when request.Method == "GET":
            {
                var text = new StringBuilder();
                foreach (var (key, count) in _requests.OrderBy(r => r.Key, StringComparer.Ordinal)) text.Append(count).Append('\t').Append(key).Append('\n');
                response.ContentType = "text/plain";
                await response.WriteAsync(text.ToString()).ConfigureAwait(false);
                return;
            }

            case "/__reset" when request.Method == "POST":
                _requests.Clear();
                response.StatusCode = 204;
                return;

            default:
                response.StatusCode = 404;
                return;
        }
    }
}

/// <summary>
/// The benchmark side of <see cref="LoopbackServer"/>. By default the server runs in a child process (this assembly's
/// <c>serve</c> command) because BenchmarkDotNet counts the allocations of the WHOLE process
/// (<c>GC.GetTotalAllocatedBytes</c>): Kestrel's own per-request allocations would otherwise be charged to both the
/// baseline and the SDK and shrink every allocation ratio. <c>VOICEBATCH_BENCH_SERVER=inprocess</c> runs it in the
/// benchmark process instead (to see that effect). Either way both sides talk to it over real loopback HTTP.
/// </summary>
public sealed class VendorServer : IDisposable
{
    private readonly Process? _child;
    private readonly LoopbackServer? _inProcess;
    private readonly HttpClient _control;

    private VendorServer(Uri baseAddress, Process? child, LoopbackServer? inProcess)
    {
        BaseAddress = baseAddress;
        _child = child;
        _inProcess = inProcess;
        _control = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    public static bool InProcess => string.Equals(Environment.GetEnvironmentVariable("VOICEBATCH_BENCH_SERVER"), "inprocess", StringComparison.OrdinalIgnoreCase);

    public static VendorServer Start()
    {
        if (InProcess)
        {
            var server = LoopbackServer.StartAsync().GetAwaiter().GetResult();
            return new VendorServer(server.BaseAddress, null, server);
        }

        var self = typeof(VendorServer).Assembly.Location;
        var host = Environment.ProcessPath ?? "dotnet";
        var info = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? new ProcessStartInfo(host) { ArgumentList = { self, "serve" } }
            : new ProcessStartInfo(host) { ArgumentList = { "serve" } };
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        info.UseShellExecute = false;
        info.Environment["DOTNET_gcServer"] = "0";
        var child = Process.Start(info) ?? throw new InvalidOperationException("could not start the benchmark server process");
        var line = child.StandardOutput.ReadLine();
        if (line is null || !Uri.TryCreate(line.Trim(), UriKind.Absolute, out var address))
        {
            child.Kill();
            throw new InvalidOperationException($"the benchmark server process did not print its address (got '{line}')");
        }

        return new VendorServer(address, child, null);
    }

    /// <summary>Answers GET <paramref name="path"/> with <paramref name="body"/> when the query parameters named in
    /// <paramref name="when"/> have those values (a missing parameter has the value ""). Every body of one path must name
    /// the same parameters, in the same order.</summary>
    public void Serve(string path, byte[] body, params (string Name, string Value)[] when)
        => ServeAsync(path, body, when).GetAwaiter().GetResult();

    /// <summary>Registers many bodies at once (pages), a few at a time.</summary>
    public void ServeAll(IEnumerable<(string Path, byte[] Body, (string Name, string Value)[] When)> routes)
        => Parallel.ForEachAsync(routes, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (r, _) => await ServeAsync(r.Path, r.Body, r.When).ConfigureAwait(false))
            .GetAwaiter().GetResult();

    private async Task ServeAsync(string path, byte[] body, (string Name, string Value)[] when)
    {
        var query = new StringBuilder($"__route?path={Uri.EscapeDataString(path)}&match={Uri.EscapeDataString(string.Join(',', when.Select(w => w.Name)))}");
        foreach (var (name, value) in when) query.Append("&q.").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        using var content = new ByteArrayContent(body);
        using var response = await _control.PutAsync(query.ToString(), content).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the benchmark server refused {path}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }
    }

    /// <summary>The requests counted since the last call (method, path, sorted decoded query → count), then clears them.</summary>
    public IReadOnlyDictionary<string, int> TakeRequests()
    {
        var text = _control.GetStringAsync("__requests").GetAwaiter().GetResult();
        using (var reset = _control.PostAsync("__reset", null).GetAwaiter().GetResult()) reset.EnsureSuccessStatusCode();
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t', 2))
            .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>
    /// Runs the SDK's operation and the baseline's once each and fails (so BenchmarkDotNet's setup fails) unless both sent
    /// exactly the same requests, each as many times, and every one of them was answered with a registered body.
    /// </summary>
    public void AssertSameRequests(string category, Action sdk, Action baseline)
    {
        TakeRequests();
        sdk();
        var bySdk = TakeRequests();
        baseline();
        var byBaseline = TakeRequests();
        if (bySdk.Count == 0) throw new InvalidOperationException($"{category}: the SDK sent no request to the benchmark server");
        var misses = bySdk.Keys.Concat(byBaseline.Keys).Where(k => k.StartsWith(LoopbackServer.MissPrefix, StringComparison.Ordinal)).Distinct().ToList();
        if (misses.Count > 0)
        {
            throw new InvalidOperationException($"{category}: requests the benchmark server has no body for:\n  {string.Join("\n  ", misses.Take(20))}");
        }

        var differences = bySdk.Keys.Union(byBaseline.Keys)
            .Where(k => bySdk.GetValueOrDefault(k) != byBaseline.GetValueOrDefault(k))
            .Select(k => $"  {k}: SDK {bySdk.GetValueOrDefault(k)}, baseline {byBaseline.GetValueOrDefault(k)}")
            .ToList();
        if (differences.Count > 0)
        {
            throw new InvalidOperationException($"{category}: the baseline does not send the SDK's requests:\n{string.Join('\n', differences.Take(20))}");
        }

        Console.WriteLine($"// {category}: SDK and baseline sent the same {bySdk.Values.Sum()} request(s) ({bySdk.Count} distinct)");
    }

    public void Dispose()
    {
        _control.Dispose();
        if (_inProcess is not null) _inProcess.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_child is not null)
        {
            try
            {
                _child.StandardInput.Close();
                if (!_child.WaitForExit(5000)) _child.Kill();
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            _child.Dispose();
        }
    }
}
