using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceBatch.Internal;

namespace VoiceBatch;

/// <summary>
/// The default <see cref="IBatchCallClient"/>: routes each call to the provider registered for its
/// <see cref="ProviderId"/>, checks capabilities before sending, validates creates, and polls for completion.
/// It names no vendor: vendors are wired in by the DI extensions.
/// </summary>
public class BatchCallClient : IBatchCallClient
{
    private readonly FrozenDictionary<ProviderId, IBatchCallProvider> _providers;
    private readonly TimeProvider _time;
    private readonly VoiceBatchOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the client over a set of providers (normally done by <c>services.AddVoiceBatch()</c>).</summary>
    /// <param name="providers">The providers; ids must be unique.</param>
    /// <param name="timeProvider">The clock used for polling (<see cref="TimeProvider.System"/> when null).</param>
    /// <param name="options">Client-wide settings.</param>
    /// <param name="logger">Logger for polling events.</param>
    /// <exception cref="ArgumentException">Two providers share an id.</exception>
    public BatchCallClient(
        IEnumerable<IBatchCallProvider> providers,
        TimeProvider? timeProvider = null,
        IOptions<VoiceBatchOptions>? options = null,
        ILogger<BatchCallClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var map = new Dictionary<ProviderId, IBatchCallProvider>();
        foreach (var provider in providers)
        {
            if (!map.TryAdd(provider.Id, provider))
            {
                throw new ArgumentException($"Provider '{provider.Id}' is registered twice.", nameof(providers));
            }
        }

        _providers = map.ToFrozenDictionary();
        _time = timeProvider ?? TimeProvider.System;
        _options = options?.Value ?? new VoiceBatchOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The ids of every registered provider.</summary>
    public IReadOnlyCollection<ProviderId> Providers => _providers.Keys;

    /// <inheritdoc/>
    public virtual ProviderCapabilities GetCapabilities(ProviderId provider) => Resolve(provider).Capabilities;

    /// <inheritdoc/>
    public virtual async Task<BatchCall> GetBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        var p = Require(provider, BatchOperation.Get);
        return Stamp(provider, await p.GetBatchAsync(batchId, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public virtual async Task<BatchCall> CreateBatchAsync(ProviderId provider, CreateBatchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var p = Require(provider, BatchOperation.Create);
        var valid = CreateRequestValidator.Validate(provider, request, p.Capabilities, _time.GetUtcNow());
        return Stamp(provider, await p.CreateBatchAsync(valid, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<CallRecord> GetCallsAsync(ProviderId provider, string batchId, CallQuery? query = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        var p = Require(provider, BatchOperation.GetCalls);
        return p.GetCallsAsync(batchId, QueryCopies.Copy(query), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<BatchCall> ListBatchesAsync(ProviderId provider, BatchQuery? query = null, CancellationToken cancellationToken = default)
    {
        var p = Require(provider, BatchOperation.List);
        var copy = QueryCopies.Copy(query);
        if (p.Capabilities.ListRequiresAgentId && string.IsNullOrWhiteSpace(copy.AgentId))
        {
            throw new ArgumentException($"Provider '{provider}' lists batches per agent: set BatchQuery.AgentId.", nameof(query));
        }

        return StampAll(provider, p.ListBatchesAsync(copy, cancellationToken), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<BatchCall> CancelBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => ActAsync(provider, batchId, BatchOperation.Cancel, (p, id, ct) => p.CancelBatchAsync(id, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> PauseBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => ActAsync(provider, batchId, BatchOperation.Pause, (p, id, ct) => p.PauseBatchAsync(id, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> ResumeBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => ActAsync(provider, batchId, BatchOperation.Resume, (p, id, ct) => p.ResumeBatchAsync(id, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> RetryBatchAsync(ProviderId provider, string batchId, CancellationToken cancellationToken = default)
        => ActAsync(provider, batchId, BatchOperation.Retry, (p, id, ct) => p.RetryBatchAsync(id, ct), cancellationToken);

    /// <inheritdoc/>
    public virtual Task<BatchCall> ScheduleBatchAsync(ProviderId provider, string batchId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (at <= _time.GetUtcNow())
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "The schedule time must be in the future.");
        }

        return ActAsync(provider, batchId, BatchOperation.Schedule, (p, id, ct) => p.ScheduleBatchAsync(id, at, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<BatchCall> WaitForCompletionAsync(ProviderId provider, string batchId, IProgress<BatchCall>? progress = null, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        if (pollInterval is { } interval && interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), interval, "The poll interval must be positive.");
        }

        Require(provider, BatchOperation.Get);
        var poller = new CompletionPoller(this, _time, _options, _logger);
        return poller.WaitAsync(provider, batchId, progress, pollInterval ?? _options.DefaultPollInterval, cancellationToken);
    }

    private async Task<BatchCall> ActAsync(ProviderId provider, string batchId, BatchOperation operation, Func<IBatchCallProvider, string, CancellationToken, Task<BatchCall>> action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(batchId);
        var p = Require(provider, operation);
        return Stamp(provider, await action(p, batchId, cancellationToken).ConfigureAwait(false));
    }

    private IBatchCallProvider Resolve(ProviderId provider)
        => _providers.TryGetValue(provider, out var p)
            ? p
            : throw new VoiceBatchException(
                $"Provider '{provider}' is not registered. Registered: {(_providers.Count == 0 ? "none" : string.Join(", ", _providers.Keys))}. "
                + "Add it with services.AddVoiceBatch().Add<Provider>(...) or AddProvider(...).",
                provider);

    private IBatchCallProvider Require(ProviderId provider, BatchOperation operation)
    {
        var p = Resolve(provider);
        return p.Capabilities.Supports(operation) ? p : throw new VoiceBatchNotSupportedException(provider, operation);
    }

    private static BatchCall Stamp(ProviderId provider, BatchCall batch)
        => batch.Provider == provider ? batch : batch with { Provider = provider };

    private static async IAsyncEnumerable<BatchCall> StampAll(ProviderId provider, IAsyncEnumerable<BatchCall> batches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in batches.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return Stamp(provider, batch);
        }
    }
}
