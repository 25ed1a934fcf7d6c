using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace VoiceBatch.Tests.Support;

/// <summary>Builds a real DI container with the SDK registered as an app would, plus a FakeLogger that captures every log line.</summary>
internal sealed class TestClient : IDisposable
{
    /// <summary>A canary API key: it must never appear in any exception text or log line.</summary>
    public const string CanaryKey = "sk_canary_7f3d9a1b2c4e6f80";

    private readonly ServiceProvider _services;

    public TestClient(Action<VoiceBatchBuilder> configure, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        Logs = new FakeLogCollector();
        collection.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(Logs)));
        services?.Invoke(collection);
        configure(collection.AddVoiceBatch());
        _services = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Client = _services.GetRequiredService<IBatchCallClient>();
    }

    public IBatchCallClient Client { get; }

    public FakeLogCollector Logs { get; }

    public IServiceProvider Services => _services;

    /// <summary>Fast, deterministic-enough retry settings for tests against a loopback server.</summary>
    public static void Fast(VoiceBatchProviderOptions o, string baseUrl)
    {
        o.BaseAddress = new Uri(baseUrl);
        o.ApiKey = CanaryKey;
        o.RetryBaseDelay = TimeSpan.FromMilliseconds(5);
        o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
        o.AttemptTimeout = TimeSpan.FromSeconds(5);
        o.TotalTimeout = TimeSpan.FromSeconds(20);
    }

    public string AllLogText() => string.Join(Environment.NewLine, Logs.GetSnapshot().Select(r => r.Message + " " + r.Exception));

    public void Dispose() => _services.Dispose();
}
