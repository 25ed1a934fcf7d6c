using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceBatch.Testing.Hosting;

/// <summary>
/// The loopback Kestrel server (127.0.0.1, a free port) that hosts every vendor under its own prefix
/// (<c>http://127.0.0.1:port/bolna/batches/…</c>): routing, the request log, fault injection and the vendors' own
/// error bodies for unknown routes and crashes. Built with <c>WebApplication.CreateEmptyBuilder</c> so nothing of
/// the hosting process (appsettings.json, ASPNETCORE_URLS, Kestrel sections) changes what it listens on.
/// </summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<ReceivedRequest> _log = new();

    private SimulatorHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri Address { get; private set; }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedRequest> Requests => _log.ToArray();

    public static async Task<SimulatorHost> StartAsync(IReadOnlyList<VendorSimulator> vendors, TimeProvider clock, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var host = new SimulatorHost(app, new Uri("http://127.0.0.1/"));
        var byPrefix = vendors.ToDictionary(v => v.Provider.Value, StringComparer.OrdinalIgnoreCase);

        app.UseRouting();
        app.Use((context, next) => host.HandleAsync(context, next, byPrefix, clock));
        foreach (var vendor in vendors)
        {
            var group = app.MapGroup("/" + vendor.Provider.Value);
            vendor.MapRoutes(new VendorRoutes(group, vendor));
            app.MapFallback("/" + vendor.Provider.Value + "/{**path}", context => Wire.WriteAsync(context, vendor.ErrorBody(StatusCodes.Status404NotFound, context.Request), StatusCodes.Status404NotFound))
                .WithMetadata(new SimulatedRoute(vendor, null, null));
        }

        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                    ?? throw new InvalidOperationException("The simulator's Kestrel server reported no address.");
        host.Address = new Uri(bound.TrimEnd('/') + "/");
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(grace.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context, RequestDelegate next, Dictionary<string, VendorSimulator> byPrefix, TimeProvider clock)
    {
        var route = context.GetEndpoint()?.Metadata.GetMetadata<SimulatedRoute>();
        var path = context.Request.Path.Value ?? "/";
        var prefix = path.TrimStart('/').Split('/', 2)[0];
        var vendor = route?.Vendor ?? (byPrefix.TryGetValue(prefix, out var v) ? v : null);
        if (vendor is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var receivedAt = clock.GetUtcNow();
        var method = context.Request.Method;
        var fault = vendor.Faults.Take(method, route?.Template);
        var dropped = false;
        var recorded = false;
        try
        {
            switch (fault?.Kind)
            {
                case FaultKind.Fail:
                    await Wire.WriteAsync(context, vendor.ErrorBody(fault.StatusCode, context.Request), fault.StatusCode).ConfigureAwait(false);
                    break;
                case FaultKind.RateLimit:
                    context.Response.Headers.RetryAfter = ((long)Math.Ceiling(fault.Delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await Wire.WriteAsync(context, vendor.ErrorBody(StatusCodes.Status429TooManyRequests, context.Request), StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
                    break;
                case FaultKind.Drop:
                    // Read what the client sends first, so the drop happens after the vendor "received" the request.
                    await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
                    dropped = true;
                    Record(); // before the abort: the client sees the drop at once and may look at the log
                    context.Abort();
                    break;
                case FaultKind.Delay:
                    using (var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                    {
                        await Task.Delay(fault.Delay, clock, linked.Token).ConfigureAwait(false);
                    }

                    await next(context).ConfigureAwait(false);
                    break;
                default:
                    await next(context).ConfigureAwait(false);
                    break;
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            dropped = true; // the client gave up, or the simulator is stopping
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // A simulator bug must still look like the vendor: its own 500 body.
            await Wire.WriteAsync(context, vendor.ErrorBody(StatusCodes.Status500InternalServerError, context.Request), StatusCodes.Status500InternalServerError).ConfigureAwait(false);
        }
        finally
        {
            Record();
        }

        void Record()
        {
            if (recorded) return;
            recorded = true;
            var relative = path.Length > prefix.Length + 1 ? path[(prefix.Length + 1)..] : "/";
            _log.Enqueue(new ReceivedRequest
            {
                Provider = vendor.Provider,
                Method = method,
                Path = relative,
                Query = context.Request.QueryString.Value ?? string.Empty,
                Route = route?.Template,
                Operation = VendorRoutes.OperationOf(context) ?? route?.Operation,
                StatusCode = dropped ? null : context.Response.StatusCode,
                Faulted = fault is not null,
                ReceivedAt = receivedAt,
            });
        }
    }
}
