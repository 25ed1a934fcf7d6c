using Microsoft.Extensions.DependencyInjection;

namespace VoiceBatch;

/// <summary>
/// An <see cref="IBatchCallClient"/> for applications without dependency injection. It owns its HTTP handlers;
/// dispose it when done.
/// </summary>
/// <example>
/// <code>
/// using var client = VoiceBatchClient.Create(b => b.AddBolna(o => o.ApiKey = key));
/// var batch = await client.GetBatchAsync(ProviderId.Bolna, "3c90c3cc...");
/// </code>
/// </example>
public sealed class VoiceBatchClient : IBatchCallClient, IDisposable, IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly IBatchCallClient _inner;

    private VoiceBatchClient(ServiceProvider services)
    {
        _services = services;
        _inner = services.GetRequiredService<IBatchCallClient>();
    }

    /// <summary>Builds a client; providers are configured (and their options validated) right here.</summary>
    /// <param name="configure">Adds and configures providers.</param>
    /// <returns>The client.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A provider's options are invalid (the message names the provider and setting).</exception>
    public static VoiceBatchClient Create(Action<VoiceBatchBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var services = new ServiceCollection();
        configure(services.AddVoiceBatch());
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        try
        {
            return new VoiceBatchClient(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public Task<BatchCall> GetBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default) => _inner.GetBatchAsync(provider, batchId, cancellationToken);

    /// <inheritdoc/>
    public Task<BatchCall> CreateBatchAsync(ProviderId provider, CreateBatchRequest request, CancellationToken cancellationToken = default) => _inner.CreateBatchAsync(provider, request, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<CallRecord> GetCallsAsync(ProviderId provider, string batchId, CallQuery? query = null, CancellationToken cancellationToken = default) => _inner.GetCallsAsync(provider, batchId, query, cancellationToken);

    /// <inheritdoc/>
    public IAsyncEnumerable<BatchCall> ListBatchesAsync(ProviderId provider, BatchQuery? query = null, CancellationToken cancellationToken = default) => _inner.ListBatchesAsync(provider, query, cancellationToken);

    /// <inheritdoc/>
    public Task<BatchCall> CancelBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default) => _inner.CancelBatchAsync(provider, batchId, cancellationToken);

    /// <inheritdoc/>
    public Task<BatchCall> PauseBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default) => _inner.PauseBatchAsync(provider, batchId, cancellationToken);

    /// <inheritdoc/>
    public Task<BatchCall> ResumeBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default) => _inner.ResumeBatchAsync(provider, batchId, cancellationToken);

    /// <inheritdoc/>
    public Task<BatchCall> RetryBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default) => _inner.RetryBatchAsync(provider, batchId, cancellationToken);

    /// <inheritdoc/>
    public Task<BatchCall> ScheduleBatchAsync(ProviderId provider, string batchId, DateTimeOffset at, CancellationToken cancellationToken = default) => _inner.ScheduleBatchAsync(provider, batchId, at, cancellationToken);

    /// <inheritdoc/>
    public Task<BatchCall> WaitForCompletionAsync(ProviderId provider, string batchId, IProgress<BatchCall>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default) => _inner.WaitForCompletionAsync(provider, batchId, progress, pollInterval, cancellationToken);

    /// <inheritdoc/>
    public ProviderCapabilities GetCapabilities(ProviderId provider) => _inner.GetCapabilities(provider);

    /// <inheritdoc/>
    public void Dispose() => _services.Dispose();

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
