using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceBatch.Demo.FakeVendors;

/// <summary>
/// A local, in-process fake of the four vendors' APIs (Kestrel on 127.0.0.1, a free port), so the demo needs no
/// account. Each vendor lives under its own prefix and speaks its own wire format, paths and auth header, written
/// here from VENDORS.md — never with the SDK's DTOs. The seeds' own JSON is served for the seed batch ids.
/// </summary>
internal sealed class FakeVendorServer : IAsyncDisposable
{
    public const string ApiKey = "demo-key";

    private readonly WebApplication _app;

    private FakeVendorServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public Uri BaseFor(string vendor) => new(Address, vendor);

    public static async Task<FakeVendorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var seeds = Path.Combine(AppContext.BaseDirectory, "Seeds");

        DialNexaFake.Map(app.MapGroup("/dialnexa"), seeds, new ConcurrentDictionary<string, SimulatedBatch>());
        VoiceAIFake.Map(app.MapGroup("/voiceai"), seeds, new ConcurrentDictionary<string, SimulatedBatch>());
        BolnaFake.Map(app.MapGroup("/bolna"), seeds, new ConcurrentDictionary<string, SimulatedBatch>());
        BatchDetailsFake.Map(app.MapGroup("/batchdetails"), seeds);

        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeVendorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
