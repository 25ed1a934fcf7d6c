using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using VoiceBatch.Testing.Tests.Support;

namespace VoiceBatch.Testing.Tests.Hosting;

/// <summary>
/// A real generic host (<c>Host.CreateApplicationBuilder()</c>) with an app's HttpClient defaults (<see cref="AppPipeline"/>)
/// around <c>AddVoiceBatch()</c>, every vendor pointed at a simulator on fake time, and a FakeLogger for everything the
/// host logs. The SDK's own timeouts are scaled down (attempt 400 ms, the app's 200 ms; a delayed vendor would answer
/// after 11 s, but the wait ends when the client gives up), so a test waits well under a second of real time. The
/// simulator runs on the system clock here: on a fake clock it would become the container's TimeProvider, and the app's
/// own Polly pipelines (which take the container's clock) would wait forever for their back-off.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    /// <summary>The SDK's attempt timeout in the tests whose vendor is slow (twice the app's); the others use 10 s, so a
    /// loaded machine cannot turn an expected 503 or reset into a timeout.</summary>
    public static readonly TimeSpan SdkAttemptTimeout = TimeSpan.FromMilliseconds(400);
    public const int SdkRetries = 2;

    private readonly IHost _host;
    private bool _vendorsStopped;

    private AppHost(IHost host, VoiceBatchSimulator sim, FakeLogCollector logs)
    {
        _host = host;
        Sim = sim;
        Logs = logs;
    }

    public VoiceBatchSimulator Sim { get; }

    public FakeLogCollector Logs { get; }

    public IBatchCallClient Client => _host.Services.GetRequiredService<IBatchCallClient>();

    public IServiceProvider Services => _host.Services;

    public static async Task<AppHost> StartAsync(AppPipeline pipeline, bool slowVendor)
    {
        var sim = await VoiceBatchSimulator.StartAsync(new SimulatorOptions { Seed = 7 });
        var logs = new FakeLogCollector();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs));

        AppPipelines.Apply(builder.Services, pipeline, afterSdk: false);
        sim.Configure(builder.Services.AddVoiceBatch(), o =>
        {
            o.MaxRetries = SdkRetries;
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
            o.AttemptTimeout = slowVendor ? SdkAttemptTimeout : TimeSpan.FromSeconds(10);
            o.TotalTimeout = TimeSpan.FromSeconds(30);
        });
        AppPipelines.Apply(builder.Services, pipeline, afterSdk: true);
        builder.Services.AddHttpClient("app"); // the app's own client: its defaults must be live there

        var host = builder.Build();
        await host.StartAsync();
        return new AppHost(host, sim, logs);
    }

    /// <summary>Stops the simulator — every request still waiting on a delay ends and is recorded — and returns what it received.</summary>
    public async Task<IReadOnlyList<ReceivedRequest>> StopVendorsAsync()
    {
        if (!_vendorsStopped)
        {
            _vendorsStopped = true;
            await Sim.DisposeAsync();
        }

        return Sim.Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await StopVendorsAsync();
        await _host.StopAsync();
        _host.Dispose();
    }
}
